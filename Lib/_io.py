# loopscope: a stand-in for CPython's _io, which is C (Modules/_io). The in-memory
# streams and the base classes io.py builds its ABCs on: _IOBase, _RawIOBase,
# _BufferedIOBase and _TextIOBase as _pyio.py writes them (IOBase, RawIOBase,
# BufferedIOBase, TextIOBase), BytesIO as _pyio's with bytesio.c's messages and readline,
# StringIO as stringio.c (its newline handling, its messages). The file-backed names
# (open, open_code, FileIO, BufferedReader, BufferedWriter, BufferedRWPair,
# BufferedRandom, TextIOWrapper) are left out: the simulator touches no files, and
# `check` refuses them with what to do instead.

DEFAULT_BUFFER_SIZE = 8 * 1024  # bytes

# Rebind for compatibility
BlockingIOError = BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass


def _index(value):
    # _Py_convert_optional_to_ssize_t: None or an integer.
    if value is None:
        return -1
    try:
        index = value.__index__
    except AttributeError:
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(value).__name__) from None
    return index()


class _IOBase:

    ### Internal ###

    def _unsupported(self, name):
        # iobase_unsupported: the method's name is the message.
        raise UnsupportedOperation(name)

    ### Positioning ###

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    ### Flush and close ###

    def flush(self):
        self._checkClosed()

    __closed = False

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    ### Inquiries ###

    def seekable(self):
        return False

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable."
                                       if msg is None else msg)

    def readable(self):
        return False

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable."
                                       if msg is None else msg)

    def writable(self):
        return False

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable."
                                       if msg is None else msg)

    @property
    def closed(self):
        return self.__closed

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file."
                             if msg is None else msg)

    ### Context manager ###

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    ### Lower-level APIs ###

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    ### Readline[s] and writelines ###

    def readline(self, size=-1):
        # For backwards compatibility, a (slowish) readline().
        if hasattr(self, "peek"):
            def nreadahead():
                readahead = self.peek(1)
                if not readahead:
                    return 1
                n = (readahead.find(b"\n") + 1) or len(readahead)
                if size >= 0:
                    n = min(n, size)
                return n
        else:
            def nreadahead():
                return 1
        size = _index(size)
        res = bytearray()
        while size < 0 or len(res) < size:
            b = self.read(nreadahead())
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class _RawIOBase(_IOBase):

    def read(self, size=-1):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size.__index__())
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        res = bytearray()
        while True:
            data = self.read(DEFAULT_BUFFER_SIZE)
            if not data:
                break
            res += data
        if res:
            return bytes(res)
        else:
            # b'' or None
            return data

    def readinto(self, b):
        # C's _RawIOBase leaves readinto to subclasses.
        raise NotImplementedError

    def write(self, b):
        raise NotImplementedError


class _BufferedIOBase(_IOBase):

    def read(self, size=-1):
        self._unsupported("read")

    def read1(self, size=-1):
        self._unsupported("read1")

    def readinto(self, b):
        return self._readinto(b, read1=False)

    def readinto1(self, b):
        return self._readinto(b, read1=True)

    def _readinto(self, b, read1):
        if not isinstance(b, memoryview):
            b = memoryview(b)
        b = b.cast('B')

        if read1:
            data = self.read1(len(b))
        else:
            data = self.read(len(b))
        n = len(data)

        b[:n] = data

        return n

    def write(self, b):
        self._unsupported("write")

    def detach(self):
        self._unsupported("detach")


class _TextIOBase(_IOBase):

    def read(self, size=-1):
        self._unsupported("read")

    def write(self, s):
        self._unsupported("write")

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def readline(self):
        self._unsupported("readline")

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


class BytesIO(_BufferedIOBase):

    """Buffered I/O implementation using an in-memory bytes buffer."""

    # Initialize _buffer as soon as possible since it's used by __del__()
    # which calls close()
    _buffer = None

    def __init__(self, initial_bytes=None):
        buf = bytearray()
        if initial_bytes is not None:
            buf += initial_bytes
        self._buffer = buf
        self._pos = 0

    def getvalue(self):
        """Return the bytes value (contents) of the buffer
        """
        self._checkClosed()
        return bytes(self._buffer)

    def getbuffer(self):
        """Return a readable and writable view of the buffer.
        """
        self._checkClosed()
        return memoryview(self._buffer)

    def close(self):
        if self._buffer is not None:
            self._buffer.clear()
        super().close()

    def read(self, size=-1):
        self._checkClosed()
        size = _index(size)
        if size < 0:
            size = len(self._buffer)
        if len(self._buffer) <= self._pos:
            return b""
        newpos = min(len(self._buffer), self._pos + size)
        b = self._buffer[self._pos : newpos]
        self._pos = newpos
        return bytes(b)

    def read1(self, size=-1):
        """This is the same as read.
        """
        return self.read(size)

    def readline(self, size=-1):
        # bytesio.c's scan_eol: up to and including the next b'\n'.
        self._checkClosed()
        size = _index(size)
        if len(self._buffer) <= self._pos:
            return b""
        end = self._buffer.find(b"\n", self._pos)
        end = len(self._buffer) if end < 0 else end + 1
        if size >= 0:
            end = min(end, self._pos + size)
        b = self._buffer[self._pos : end]
        self._pos = end
        return bytes(b)

    def write(self, b):
        self._checkClosed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        with memoryview(b) as view:
            n = view.nbytes  # Size of any bytes-like object
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buffer):
            # Inserts null bytes between the current end of the file
            # and the new write position.
            padding = b'\x00' * (pos - len(self._buffer))
            self._buffer += padding
        self._buffer[pos:pos + n] = b
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        self._checkClosed()
        try:
            pos_index = pos.__index__
        except AttributeError:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__) from None
        else:
            pos = pos_index()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % (pos,))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buffer) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._checkClosed()
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        else:
            pos = _index(pos)
            if pos < 0:
                raise ValueError("negative size value %d" % (pos,))
        del self._buffer[pos:]
        return pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True


class StringIO(_TextIOBase):

    """Text I/O implementation using an in-memory buffer."""

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        # stringio.c: newline None translates '\r' and '\r\n' to '\n' on input; ''
        # reads any of the three as a line end and translates nothing; '\r' and '\r\n'
        # replace '\n' on output.
        self._readnl = newline
        self._readuniversal = newline is None or newline == ''
        self._readtranslate = newline is None
        self._writenl = newline if newline and newline[0] == '\r' else None
        self._seennl = 0
        # Writes are kept as parts and joined when read, so that many small writes
        # (pprint writes a token at a time) cost linear time, as they do in CPython.
        self._parts = []
        self._length = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self._write_str(initial_value)
            self._pos = 0

    def _value(self):
        if len(self._parts) > 1:
            self._parts = [''.join(self._parts)]
        return self._parts[0] if self._parts else ''

    def _checkOpen(self):
        # stringio.c's CHECK_CLOSED (its message has no full stop, iobase's has).
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._parts = []
        self._length = 0

    @property
    def line_buffering(self):
        self._checkOpen()
        return False

    @property
    def newlines(self):
        # The kinds of line ends seen (IncrementalNewlineDecoder.newlines), when reading
        # translates or is universal.
        self._checkOpen()
        if not self._readuniversal:
            return None
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self._seennl]

    def _write_str(self, s):
        if self._readuniversal:
            crlf = s.count('\r\n')
            cr = s.count('\r') - crlf
            lf = s.count('\n') - crlf
            self._seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
            if self._readtranslate:
                if crlf:
                    s = s.replace('\r\n', '\n')
                if cr:
                    s = s.replace('\r', '\n')
        if self._writenl is not None:
            s = s.replace('\n', self._writenl)
        n = len(s)
        if n == 0:
            return
        if self._pos == self._length:
            self._parts.append(s)
        else:
            value = self._value()
            if self._pos > len(value):
                value = value + '\0' * (self._pos - len(value))
            self._parts = [value[:self._pos] + s + value[self._pos + n:]]
        self._pos += n
        self._length = max(self._length, self._pos)

    def write(self, s):
        self._checkOpen()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'"
                            % type(s).__name__)
        self._write_str(s)
        return len(s)

    def getvalue(self):
        self._checkOpen()
        return self._value()

    def read(self, size=-1):
        self._checkOpen()
        size = _index(size)
        value = self._value()
        if size < 0:
            end = len(value)
        else:
            end = min(len(value), self._pos + size)
        text = value[self._pos:end]
        self._pos = max(self._pos, end)
        return text

    def _line_end(self, value, start):
        # _PyIO_find_line_ending: the index just past the next line end, or -1.
        if self._readtranslate:
            end = value.find('\n', start)
            return -1 if end < 0 else end + 1
        if self._readuniversal:
            lf = value.find('\n', start)
            cr = value.find('\r', start)
            if cr < 0 or (0 <= lf < cr):
                return -1 if lf < 0 else lf + 1
            return cr + 2 if value.startswith('\n', cr + 1) else cr + 1
        end = value.find(self._readnl, start)
        return -1 if end < 0 else end + len(self._readnl)

    def readline(self, size=-1):
        self._checkOpen()
        size = _index(size)
        value = self._value()
        if self._pos >= len(value):
            return ''
        end = self._line_end(value, self._pos)
        if end < 0:
            end = len(value)
        if size >= 0:
            end = min(end, self._pos + size)
        text = value[self._pos:end]
        self._pos = end
        return text

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._checkOpen()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkOpen()
        pos = pos.__index__()
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if pos < 0 and whence == 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._length
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._checkOpen()
        if pos is None:
            pos = self._pos
        else:
            pos = _index(pos)
            if pos < 0:
                raise ValueError("Negative size value %d" % pos)
        if pos < self._length:
            self._parts = [self._value()[:pos]]
            self._length = pos
        return pos

    def readable(self):
        self._checkOpen()
        return True

    def writable(self):
        self._checkOpen()
        return True

    def seekable(self):
        self._checkOpen()
        return True
