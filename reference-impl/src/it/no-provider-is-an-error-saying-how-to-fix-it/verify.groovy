def log = new File(basedir, 'build.log').text
assert log.contains('No io.tsmtck.api.TsmStackProvider on the classpath')
assert log.contains('META-INF/services/io.tsmtck.api.TsmStackProvider')
assert !log.contains('verdict: CERTIFIED')
return true
