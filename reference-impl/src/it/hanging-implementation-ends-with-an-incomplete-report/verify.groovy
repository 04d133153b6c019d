def log = new File(basedir, 'build.log').text
assert log.contains('did not complete')
def report = new File(basedir, 'target/tsm-tck/certification-report.json').text
assert report.contains('"complete" : false')
assert report.contains('rules that did not finish')
return true
