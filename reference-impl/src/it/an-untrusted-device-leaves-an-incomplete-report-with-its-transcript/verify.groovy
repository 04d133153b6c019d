import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'target/tsm-tck-device/certification-report.json')

assert log.contains('BUILD FAILURE')
assert log.contains('The kit could not run: the device') && log.contains('could not be met before the tests')
assert log.contains('its incomplete report: ')
// the run still leaves its report: a CI artifact and something for a reviewer
assert file.isFile() : 'no report'
def report = new JsonSlurper().parse(file)
assert !report.complete
assert report.verdict == 'NOT_CERTIFIED'
assert report.problems[0].startsWith("the kit could not run: the device")
assert !report.problems[0].contains("..") : report.problems[0]
def transcript = report.problems.find { it.startsWith("what went over the device's mailbox until then:") }
assert transcript : report.problems
// the messages of the meeting, by name, with their sender and the time waited
assert transcript.contains('kit -> ') && transcript.contains('SPDM GET_VERSION')
assert transcript =~ / -> kit, after \d+ ms: SPDM VERSION/
assert transcript.contains('SPDM CERTIFICATE')
assert new File(basedir, 'target/tsm-tck-device/certification-report.html').text.contains('SPDM GET_VERSION')
return true
