// the same production host with a bug its uAPI shows: the uapi profile does not hide it
def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] Rule TSM-01 (MUST) failed')
assert log.contains('[tsm-tck] verdict: NOT_CERTIFIED, uapi profile, mainline 6.19')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert report.verdict == 'NOT_CERTIFIED'
def failed = report.rules.findAll { it.status == 'FAILED' }*.id
assert failed == ['TSM-01']
return true
