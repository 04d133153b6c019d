def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] Rule VFIO-12 (MUST) failed')
assert log.contains('[tsm-tck] verdict: NOT_CERTIFIED')
assert log.contains('BUILD FAILURE')
def report = new File(basedir, 'target/tsm-tck/certification-report.json').text
assert report.contains('"verdict" : "NOT_CERTIFIED"')
// nothing of the earlier run survives beside the new result (setup.groovy planted it)
assert !new File(basedir, 'target/tsm-tck/allure-report/stale-from-an-earlier-run.txt').exists()
assert !new File(basedir, 'target/tsm-tck/certification-report.html').text.contains('STALE CERTIFIED')
return true
