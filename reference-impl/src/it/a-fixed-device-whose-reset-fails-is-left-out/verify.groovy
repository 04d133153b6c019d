import groovy.json.JsonSlurper

// slot 2's reset fails after its third test: the rest of slot 2 is NOT_TESTED with the reason,
// nothing FAILED in a cascade, and slot 1 runs to the end
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck/certification-report.json'))
assert report.verdict == 'NOT_CERTIFIED'
assert report.rules.findAll { it.status == 'FAILED' }.isEmpty() : report.rules.findAll { it.status == 'FAILED' }*.id
def tests = report.rules.collectMany { it.tests }
def slot2 = tests.findAll { it.name.contains('on lab slot 2') }
assert slot2.count { it.status == 'PASSED' } == 3 : slot2.findAll { it.status == 'PASSED' }*.name
def left = slot2.findAll { it.status == 'NOT_TESTED' }
assert !left.isEmpty()
assert left.every { it.message.contains('lab slot 2') && it.message.contains('out of the run') && it.message.contains('EIO') } : left[0].message
def slot1 = tests.findAll { it.name.contains('on lab slot 1') }
assert slot1.every { it.status in ['PASSED', 'NOT_APPLICABLE'] } : slot1.findAll { !(it.status in ['PASSED', 'NOT_APPLICABLE']) }*.name
assert report.rules.any { it.status == 'NOT_TESTED' && it.reasons.any { r -> r.contains('lab slot 2') } }
return true
