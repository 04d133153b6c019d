import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
def failed = report.rules.findAll { it.status == 'FAILED' }

assert report.complete : 'the run went on after the hung test'
assert report.verdict == 'NOT_CERTIFIED'
assert failed.size() == 1 : failed*.id
def test = failed[0].tests.find { it.status == 'FAILED' }
assert test.message.contains('timed out after 2 seconds')
assert test.message.contains('it was in the SPI call HostStack.kvm()')
assert test.message.contains('the test was abandoned and the run goes on with a fresh stack')
assert test.message =~ /at \S*acme.HangOnceProvider/
// every other rule of the host kit was judged: none was left NOT_TESTED by the hung call
assert report.rules.findAll { it.status == 'NOT_TESTED' }.isEmpty()
assert report.rules.findAll { it.status == 'PASSED' }.size() > 60
assert log.contains("[ERROR] [tsm-tck] Rule ${failed[0].id} (MUST) failed")
return true
