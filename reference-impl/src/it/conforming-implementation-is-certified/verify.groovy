def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] verdict: CERTIFIED')
def report = new File(basedir, 'target/tsm-tck/certification-report.json').text
assert report.contains('"verdict" : "CERTIFIED"')
assert report.contains('"complete" : true')
assert new File(basedir, 'target/tsm-tck/certification-report.html').text.contains('id="verdict" class="CERTIFIED"')
assert new File(basedir, 'target/tsm-tck/junit-xml').isDirectory()
assert new File(basedir, 'target/tsm-tck/allure-report/index.html').isFile()
assert new File(basedir, 'target/tsm-tck/allure-results').list().length > 600
assert report =~ /"maven" : "3\.\d+\.\d+"/
return true
