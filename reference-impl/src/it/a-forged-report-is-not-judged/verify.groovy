import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def honest = new JsonSlurper().parse(new File(basedir, 'target/honest/certification-report.json'))
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))

assert honest.verdict == 'CERTIFIED' : 'the copied report is a real CERTIFIED one'
assert log.contains('BUILD FAILURE')
assert !log.contains('BUILD SUCCESS')
// the forged report was replaced by the plugin's own, of what it watched
assert !report.complete
assert report.verdict == 'NOT_CERTIFIED'
def reason = report.problems[0]
assert reason.contains('the report the fork left is not the run the plugin watched, so it was not judged')
assert reason.contains('not the one the plugin handed this run')
assert reason =~ /test\(s\) started and never finished/
assert log.contains('The kit run did not complete (the report the fork left is not the run the plugin watched')
return true
