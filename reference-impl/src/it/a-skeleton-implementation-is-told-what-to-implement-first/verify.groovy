import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))

assert report.verdict == 'NOT_CERTIFIED'
assert report.complete
def first = report.implementFirst
assert !first.isEmpty()
// the step every assignment needs comes first, with how much it blocks
assert first[0].refusal == 'TsmCore.connect refused with ENOSYS' : first
// a case whose set-up was refused is not an observation: NOT_TESTED, the step and the answer named
def blocked = report.rules.collectMany { it.tests }.findAll { it.status == 'NOT_TESTED' && it.message.contains('blocked by: ') }
assert blocked.size() > 40 : blocked.size()
assert blocked.any { it.message =~ /blocked by: .+ \(refused with ENOSYS.*, by TsmCore\.connect\(/ } : blocked[0].message
assert report.rules.findAll { it.status == 'NOT_TESTED' }.size() > 20
assert first[0].rules > 40 : first[0]
assert first.collect { it.rules } == first.collect { it.rules }.sort().reverse()
assert log.contains('[ERROR] [tsm-tck] implement first: TsmCore.connect refused with ENOSYS')
assert new File(basedir, 'target/tsm-tck/certification-report.html').text.contains('id="implement-first"')
// the build failure names the first ten rules and counts the rest
assert log =~ /rule\(s\) failed \(NOT_CERTIFIED\): (\S+, ){9}\S+ and \d+ more/
return true
