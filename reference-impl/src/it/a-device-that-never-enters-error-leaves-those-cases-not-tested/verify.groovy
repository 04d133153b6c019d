import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new JsonSlurper().parse(new File(basedir, 'target/tsm-tck-device/certification-report.json'))
def rule = { id -> report.rules.find { it.id == id } }

assert report.complete
assert report.verdict == 'NOT_CERTIFIED'
// the violation itself, seen first thing in a new session, before any request of the kit's own
def tdisp31 = rule('TDISP-31')
assert tdisp31.status == 'FAILED'
def failed31 = tdisp31.tests.find { it.status == 'FAILED' }
assert failed31.message.contains('read first thing in a new session')
// its transcript: the session's messages by name and sender, and each TDISP request as sent, in SPDM 1.3
assert failed31.transcript.contains('carrying END_SESSION (SPDM 0x13)') : failed31.transcript
assert failed31.transcript =~ /> TDISP \(session \S+\) 13fe/ : failed31.transcript
// the rules that need a TDI in ERROR: the ERROR case blocked and named, the other cases still judged
['TDISP-01', 'TDISP-03', 'TDISP-09'].each { id ->
    def r = rule(id)
    assert r.status == 'NOT_TESTED' : "${id} ${r.status}"
    def blocked = r.tests.findAll { it.status == 'NOT_TESTED' }
    assert !blocked.isEmpty()
    blocked.each { assert it.message.contains('blocked by: drive ') && it.message.contains(' to ERROR (by ending the SPDM'
            + ' session that locked it) (the device reports CONFIG_LOCKED)') : it.message }
    assert r.tests.any { it.status == 'PASSED' } : "${id}: its other cases were judged"
    assert r.tests.every { it.status != 'FAILED' } : "${id}: nothing it was not about failed it"
}
assert log.contains('MUST rule(s) were not tested') || log.contains('rule(s) failed')
return true
