package io.tsmtck.api.errno;

/**
 * The error numbers through which the Linux uAPIs of the TSM stack refuse an operation, with their
 * Linux values (include/uapi/asm-generic/errno-base.h and errno.h) for reports. An implementation
 * returns the errno the kernel returns; the kit's rules say which one each refusal must carry.
 */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EIO(5, "I/O error"),
    ENXIO(6, "No such device or address"),
    EAGAIN(11, "Try again"),
    ENOMEM(12, "Out of memory"),
    EACCES(13, "Permission denied"),
    EFAULT(14, "Bad address"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENODEV(19, "No such device"),
    EINVAL(22, "Invalid argument"),
    ENOTTY(25, "Inappropriate ioctl for device"),
    ENOSPC(28, "No space left on device"),
    ERANGE(34, "Numerical result out of range"),
    ENOSYS(38, "Function not implemented"),
    EOVERFLOW(75, "Value too large for defined data type"),
    EOPNOTSUPP(95, "Operation not supported"),
    ETIMEDOUT(110, "Connection timed out");

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The positive Linux errno value. */
    public int number() {
        return number;
    }

    /** The C library's description. */
    public String description() {
        return description;
    }
}
