import groovy.json.JsonSlurper

def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
def messages = report.rules.findAll { it.status == 'FAILED' }.collectMany { r ->
    r.tests.findAll { it.status == 'FAILED' }.collect { [rule: r.id, area: r.area, message: it.message] } }

assert report.verdict == 'NOT_CERTIFIED'
// a host rule that saw the device confirm a START is told its oracle is inconsistent
def named = messages.findAll { it.message.contains('inconsistent device oracle') }
assert !named.isEmpty()
assert named.every { !(it.area in ['TDISP', 'IDE_KM']) } : named*.rule
assert named.any { it.message.contains('START_INTERFACE_RESPONSE') && it.message.contains('says CONFIG_UNLOCKED') }
// the device rules are the device kit's (certify-device): the host report has only the host kit's
assert report.rules.findAll { it.area == 'TDISP' }.isEmpty()
return true
