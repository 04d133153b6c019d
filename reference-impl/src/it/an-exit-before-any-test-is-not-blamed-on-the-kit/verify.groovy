import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))

assert log.contains('BUILD FAILURE')
assert !log.contains('The kit could not run') : 'an exit inside the implementation is not the kit failing to start'
assert !report.complete
assert report.verdict == 'NOT_CERTIFIED'
def reason = report.problems[0]
assert reason.contains('exited with status 2 before any test began, and not through the kit before writing its report')
assert reason.contains('while it was created or asked what it declares')
assert reason.contains('(no test was running)')
assert log.contains('The kit run did not complete (the forked JVM exited with status 2')
return true
