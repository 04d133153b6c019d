def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] Rule VFIO-01 (MUST) failed')
assert log.contains('[tsm-tck] verdict: NOT_CERTIFIED')
assert log.contains('BUILD FAILURE')
def report = new File(basedir, 'target/tsm-tck/certification-report.json').text
assert report.contains('"verdict" : "NOT_CERTIFIED"')
return true
