import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))

assert log.contains('BUILD FAILURE')
assert !report.complete
assert report.verdict == 'NOT_CERTIFIED'
def reason = report.problems[0]
assert reason.contains('exited with status 0 before writing its report')
assert reason =~ /while (the test|\d+ tests were running .*: the test) \S+\.\S+ .* of rule [A-Z_]+-\d\d/ : reason
// the identity comes from the run, so the replay instruction is right
assert report.implementation.provider == 'acme.HaltingProvider'
assert report.implementation.declared.maxVfsPerDsm == 8
assert report.environment.seed == 0x20250120
assert report.environment.timeouts['tsm-tck.timeout.happen'] == 5000
assert report.kit.version != null && !report.kit.version.startsWith('unknown')
assert report.environment.maven ==~ /3\.\d+\.\d+/ : report.environment.maven
return true
