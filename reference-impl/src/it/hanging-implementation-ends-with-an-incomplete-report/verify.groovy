def log = new File(basedir, 'build.log').text
assert log.contains('did not complete')
def report = new File(basedir, 'target/tsm-tck/certification-report.json').text
assert report.contains('"complete" : false')
assert report.contains('rules that did not finish')
assert report =~ /while (the test|\d+ tests were running .*: the test) \S+ .* of rule [A-Z_]+-\d\d/
assert report.contains('"provider" : "acme.HangingProvider"')
assert report.contains('"seed" : 539296032')
def dump = new File(basedir, 'target/tsm-tck/thread-dump.txt')
assert dump.isFile() && dump.text.contains('acme.HangingProvider.create')
// jcmd's dump begins with the fork's pid; the attach socket it made the fork open is gone with the fork
def pid = dump.readLines()[0].replace(':', '').trim()
assert pid ==~ /\d+/ : dump.readLines()[0]
assert !new File("/tmp/.java_pid${pid}").exists() : "the jcmd attach socket /tmp/.java_pid${pid} was left behind"
return true
