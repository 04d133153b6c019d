import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
def notTested = report.rules.findAll { it.status == 'NOT_TESTED' }

assert report.verdict == 'NOT_CERTIFIED'
assert report.rules.findAll { it.status == 'FAILED' }.isEmpty()
// the rules of the six hooks: TDISP-19, IDEKM-05 (plaintext), TDISP-30 to 34 (events)
assert notTested*.id as Set == ['TDISP-19', 'IDEKM-05', 'TDISP-30', 'TDISP-31', 'TDISP-32', 'TDISP-33',
                                'TDISP-34'] as Set : notTested*.id
assert notTested.every { r -> r.reasons.every { it.contains('needs test hook') } }
assert log.contains('[WARNING] [tsm-tck] Rule TDISP-19 (MUST) not tested: needs test hook PLAINTEXT_PROBE')
assert log.contains('BUILD FAILURE')
assert log.contains('6 MUST rule(s) were not tested')
assert report.rules.find { it.id == 'IDEKM-05' }.level == 'SHOULD'
assert log.contains('declare EVENT_POISONED_TLP in Capabilities.features')
return true
