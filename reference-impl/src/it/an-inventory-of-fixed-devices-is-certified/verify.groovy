import groovy.json.JsonSlurper

// a provider of two fixed devices and a reset: every test runs on one of them, none builds a stack
def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert report.verdict == 'CERTIFIED'
assert log.contains('0 stacks built')
def tests = report.rules.collectMany { it.tests }
def onSlot1 = tests.findAll { it.name.contains('on lab slot 1') }
def onSlot2 = tests.findAll { it.name.contains('on lab slot 2') }
assert onSlot1.size() > 100 && onSlot2.size() > 50 : "${onSlot1.size()} on slot 1, ${onSlot2.size()} on slot 2"
assert onSlot1.size() + onSlot2.size() == tests.size()
// the two-DSM rule is ruled out by what the devices have, and says so
def twoDsms = report.rules.find { it.id == 'TSM-20' }
assert twoDsms.status == 'NOT_APPLICABLE'
assert twoDsms.reasons.every { it.contains('lab slot') } : twoDsms.reasons
return true
