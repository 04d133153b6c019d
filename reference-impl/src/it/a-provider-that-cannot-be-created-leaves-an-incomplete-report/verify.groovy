import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'target/tsm-tck/certification-report.json')

assert log.contains("The kit could not run: the implementation's TsmStackProvider could not be created")
assert log.contains('/dev/tsm is missing on this host')
assert log.contains('its incomplete report: ')
assert file.isFile() : 'no report'
def report = new JsonSlurper().parse(file)
assert !report.complete
assert report.verdict == 'NOT_CERTIFIED'
assert report.problems[0].contains('/dev/tsm is missing on this host')
assert report.rules.every { it.status != 'PASSED' }
return true
