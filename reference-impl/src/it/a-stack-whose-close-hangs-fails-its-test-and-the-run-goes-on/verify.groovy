import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
def tests = report.rules.collectMany { rule -> rule.tests.collect { [rule: rule.id, test: it] } }
def hung = tests.findAll { it.test.status == 'FAILED' && it.test.message.contains('HostStack.close() of the stack') }

assert report.complete : 'the run went on after the hung closes'
assert report.verdict == 'NOT_CERTIFIED'
assert hung.size() == 2 : hung*.test*.name
hung.each {
    assert it.test.message.contains("Rule ${it.rule}")
    assert it.test.message.contains('did not return within 2 s (tsm-tck.timeout.test, which bounds closing too)')
    assert it.test.message.contains('the stack is abandoned and the run goes on')
}
// nothing else failed: every other test had a stack that closed
assert tests.findAll { it.test.status == 'FAILED' }.size() == 2
assert report.rules.findAll { it.status == 'PASSED' }.size() > 60
return true
