// the invocations' results are the invoker's to check (3 succeeds, 4 to 6 fail); here, that each edit
// was made and that the honest report is the faulted run's
import groovy.json.JsonSlurper

def honest = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert honest.verdict == 'NOT_CERTIFIED'
assert honest.rules.findAll { it.status == 'FAILED' }*.id == ['VFIO-12']
assert new JsonSlurper().parse(new File(basedir, 'target/verdict-flipped/certification-report.json')).verdict == 'CERTIFIED'
def passed = new JsonSlurper().parse(new File(basedir, 'target/failed-made-passed/certification-report.json'))
assert passed.verdict == 'CERTIFIED' && passed.rules.every { it.status != 'FAILED' }
assert new JsonSlurper().parse(new File(basedir, 'target/rule-deleted/certification-report.json')).rules.any { it.id == 'TSM-99' }
def log = new File(basedir, 'build.log').text
assert log.contains('[tsm-tck] does not hold: the verdict follows from the rules')
assert log.contains('reported, not logged: VFIO-12 PASSED')
assert log.contains('TSM-01 is missing') && log.contains('TSM-99 is not a rule of this kit')
assert log.contains('every check holds')
return true
