# tracemalloc, the Python half: the documented classes (Frame, Traceback, Trace, Statistic,
# StatisticDiff, Filter, DomainFilter, Snapshot) and take_snapshot, over the native functions
# of TracemallocModule.cs. A raw trace is the tuple (domain, size, frames, total_nframe) with
# the frames most recent first; Traceback turns them round, oldest first, as documented.

def _format_size(size, sign):
    # Three significant digits where they fit ("1.2 KiB"), whole units below 10 KiB of a unit.
    units = ("B", "KiB", "MiB", "GiB", "TiB")
    for i in range(len(units)):
        unit = units[i]
        if unit != "B" and abs(size) < 100:
            return ("%+.1f %s" if sign else "%.1f %s") % (size, unit)
        if unit == "TiB" or abs(size) < 10 * 1024:
            return ("%+.0f %s" if sign else "%.0f %s") % (size, unit)
        size /= 1024


class Frame:
    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __le__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame <= other._frame

    def __gt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame > other._frame

    def __ge__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame >= other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % (self._frame[0], self._frame[1])

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self._frame[0], self._frame[1])


class Traceback:
    __slots__ = ("_frames", "_total_nframe")

    def __init__(self, frames, total_nframe=None):
        # The native side lists the most recent frame first; a Traceback reads oldest first.
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Frame(f) for f in self._frames[index]])
        return Frame(self._frames[index])

    def __iter__(self):
        return iter([Frame(f) for f in self._frames])

    def __reversed__(self):
        return iter([Frame(f) for f in reversed(self._frames)])

    def __contains__(self, frame):
        return isinstance(frame, Frame) and frame._frame in self._frames

    def index(self, frame):
        return self._frames.index(frame._frame)

    def count(self, frame):
        return self._frames.count(frame._frame)

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __le__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames <= other._frames

    def __gt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames > other._frames

    def __ge__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames >= other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = "<Traceback %r" % (tuple(self),)
        if self._total_nframe is None:
            return text + ">"
        return text + " total_nframe=%s>" % self._total_nframe

    def format(self, limit=None, most_recent_first=False):
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:limit]
        if most_recent_first:
            frames.reverse()
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = _getline(frame.filename, frame.lineno).strip()
            if source:
                lines.append("    %s" % source)
        return lines


class Trace:
    __slots__ = ("_trace",)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(t) for t in self._traces[index]])
        return Trace(self._traces[index])

    def __iter__(self):
        return iter([Trace(t) for t in self._traces])

    def __contains__(self, trace):
        return isinstance(trace, Trace) and trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


class Statistic:
    __slots__ = ("traceback", "size", "count")

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback, self.size, self.count) == (other.traceback, other.size, other.count)

    def __str__(self):
        text = "%s: size=%s, count=%i" % (self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return "<Statistic traceback=%r size=%i count=%i>" % (self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    __slots__ = ("traceback", "size", "size_diff", "count", "count_diff")

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return ((self.traceback, self.size, self.size_diff, self.count, self.count_diff)
                == (other.traceback, other.size, other.size_diff, other.count, other.count_diff))

    def __str__(self):
        text = "%s: size=%s (%s), count=%i (%+i)" % (
            self.traceback, _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return "<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>" % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback)


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise TypeError("%s is an abstract filter" % type(self).__name__)


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        self.inclusive = inclusive
        self._filename_pattern = filename_pattern
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _frame_matches(self, frame):
        return _fnmatch(frame[0], self._filename_pattern) and (self.lineno is None or frame[1] == self.lineno)

    def _match(self, trace):
        domain = trace[0]
        frames = trace[2]
        if self.all_frames:
            hit = False
            for frame in frames:
                if self._frame_matches(frame):
                    hit = True
                    break
        else:
            hit = self._frame_matches(frames[0])
        # An including filter keeps what matches, an excluding one keeps the rest.
        keep = hit if self.inclusive else not hit
        if self.domain is None:
            return keep
        if self.inclusive:
            return keep and domain == self.domain
        return keep or domain != self.domain


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        self.inclusive = inclusive
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        same = trace[0] == self._domain
        return same if self.inclusive else not same


def _group(traces, key_type, cumulative):
    if key_type not in ("traceback", "filename", "lineno"):
        raise ValueError("unknown key_type: %r" % (key_type,))
    if cumulative and key_type == "traceback":
        raise ValueError("cumulative mode cannot by used with key type %r" % key_type)
    stats = {}
    keys = {}
    for trace in traces:
        size = trace[1]
        frames = trace[2]
        # Cumulative: every frame of the stack counts the block once.
        groups = [(f,) for f in frames] if cumulative else [frames]
        for group in groups:
            traceback = keys.get(group)
            if traceback is None:
                if key_type == "traceback":
                    traceback = Traceback(group)
                elif key_type == "lineno":
                    traceback = Traceback(group[:1])
                else:
                    traceback = Traceback(((group[0][0], 0),))
                keys[group] = traceback
            stat = stats.get(traceback)
            if stat is None:
                stats[traceback] = Statistic(traceback, size, 1)
            else:
                stat.size += size
                stat.count += 1
    return stats


class Snapshot:
    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def filter_traces(self, filters):
        if not isinstance(filters, (list, tuple)):
            raise TypeError("filters must be a list of filters, not %s" % type(filters).__name__)
        including = [f for f in filters if f.inclusive]
        excluding = [f for f in filters if not f.inclusive]
        kept = []
        for trace in self.traces._traces:
            if including and not any(f._match(trace) for f in including):
                continue
            if any(not f._match(trace) for f in excluding):
                continue
            kept.append(trace)
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        return _group(self.traces._traces, key_type, cumulative)

    def statistics(self, key_type, cumulative=False):
        stats = list(self._group_by(key_type, cumulative).values())
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        new = self._group_by(key_type, cumulative)
        old = old_snapshot._group_by(key_type, cumulative)
        diffs = []
        for traceback, stat in new.items():
            before = old.pop(traceback, None)
            if before is None:
                diffs.append(StatisticDiff(traceback, stat.size, stat.size, stat.count, stat.count))
            else:
                diffs.append(StatisticDiff(traceback, stat.size, stat.size - before.size, stat.count, stat.count - before.count))
        for traceback, stat in old.items():
            diffs.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory allocations to take a snapshot")
    return Snapshot(_get_traces(), get_traceback_limit())


def get_object_traceback(obj):
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)
