def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] verdict: CERTIFIED')
def report = new File(basedir, 'target/tsm-tck/certification-report.json').text
assert report.contains('"verdict" : "CERTIFIED"')
assert report.contains('"complete" : true')
assert new File(basedir, 'target/tsm-tck/certification-report.html').text.contains('id="verdict" class="CERTIFIED"')
assert new File(basedir, 'target/tsm-tck/junit-xml').isDirectory()
return true
