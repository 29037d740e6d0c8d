# gilscope's harness for a real CPython (2.7 and 3.x). gilscope starts it as
#     python -u harness.py STYLE WORKERS CHUNK FUNCTION SHARED_GLOBAL COMPANION SWITCH_SECONDS CHECK_INTERVAL CORES
# and writes the workload's Python program on its standard input, then a line with the Python expression
# that lists the task inputs. The harness loads the program as a module (so its `if __name__ ==
# "__main__":` block does not run), runs FUNCTION over the inputs sequentially, in WORKERS threads, or in
# a pool of WORKERS processes, and reports on standard output, one JSON object a line. COMPANION (or -)
# names a function(done, late) that runs on its own thread beside the tasks (before them when
# sequential) and appends to `late`, as the io-latency program's probe does. The lock is set as gilscope's
# is: sys.setswitchinterval(SWITCH_SECONDS) where it exists (3.2+), sys.setcheckinterval(CHECK_INTERVAL)
# on Python 2. CORES (comma-separated, or -) are the cores the workers may run on: the interpreter keeps
# to them before it starts any thread or pool process, and those inherit them (as gilscope's worker
# threads and processes keep to them).
#   {"hello": ...}      interpreter version, whether the GIL is enabled, this process's id
#   {"lock": ...}       whether the GIL is enabled now that the program is loaded
#   {"ready": t}        inputs built; the timed run starts now
#   {"worker": ...}     a worker thread or process has started: its number, process id and native thread id
#   {"start": ...}      a task started on a worker; {"end": ...} it ended (results come with "done": a big
#                       one turned into text here would cost time inside the run, and could not be
#                       written to the pipe in one piece)
#   {"done": ...}       every task ended: the results in task order, SHARED_GLOBAL's value, and what the
#                       companion appended
#   {"error": text}     something failed: the traceback
# Times are CLOCK_MONOTONIC nanoseconds, the clock gilscope's own recorder uses, so both share one axis.
# Every write is one os.write of whole lines, which a pipe keeps whole (below 4 KiB) even when several
# processes write. A worker busy with tiny tasks gathers its task lines and writes them every 10 ms (and
# at the end of its tasks), not one write per task: it would otherwise spend more time reporting than
# computing. Other task lines are written at once.
import json
import os
import sys
import threading
import time
import traceback
import types

PY2 = sys.version_info[0] == 2


def _monotonic_ns_function():
    if hasattr(time, "perf_counter_ns"):
        return time.perf_counter_ns
    if hasattr(time, "monotonic"):
        return lambda: int(time.monotonic() * 1e9)
    import ctypes  # Python 2.7: clock_gettime(CLOCK_MONOTONIC) from the C library

    class Timespec(ctypes.Structure):
        _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]

    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    spec = Timespec()

    def monotonic_ns():
        libc.clock_gettime(1, ctypes.byref(spec))
        return spec.tv_sec * 1000000000 + spec.tv_nsec
    return monotonic_ns


now_ns = _monotonic_ns_function()


def _native_id_function():
    if hasattr(threading, "get_native_id"):
        return threading.get_native_id
    import ctypes
    import platform
    number = {"x86_64": 186, "amd64": 186, "aarch64": 178, "arm64": 178, "i386": 224, "i686": 224}.get(platform.machine().lower())
    libc = ctypes.CDLL(None)
    return lambda: libc.syscall(number) if number else -1


native_id = _native_id_function()


def exit_with_parent():
    """Ends this process when its parent does (gilscope killed, or the interpreter of a pool worker gone):
    nothing of a run may outlive the program that started it."""
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.2)
            if os.getppid() != parent:
                os._exit(3)
    watcher = threading.Thread(target=watch)
    watcher.daemon = True
    watcher.start()


def say(key, value):
    os.write(1, (json.dumps({key: value}) + "\n").encode("utf-8"))


def gil_enabled():
    probe = getattr(sys, "_is_gil_enabled", None)
    return True if probe is None else bool(probe())


def load_program(source):
    # The program imports concurrent.futures for its own __main__ block, which does not run here; Python
    # 2.7 has no such module, so an empty one stands in for the import.
    if PY2 and "concurrent.futures" not in sys.modules:
        package = types.ModuleType("concurrent")
        futures = types.ModuleType("concurrent.futures")
        futures.ThreadPoolExecutor = futures.ProcessPoolExecutor = None
        package.futures = futures
        sys.modules["concurrent"] = package
        sys.modules["concurrent.futures"] = futures
    module = types.ModuleType("gilscope_program")
    sys.modules["gilscope_program"] = module
    if PY2:
        module.__dict__["range"] = xrange  # noqa: F821 (as Python 3 has it: no list of every number)
        if not hasattr(time, "perf_counter"):
            time.perf_counter = time.time  # the io-latency probe times its sleeps with it (3.3+)
    exec(compile(source, "<workload program>", "exec"), module.__dict__)
    return module


def plain(value):
    """A result as JSON can carry it: big ints as text, so no digit is lost."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, (int, long if PY2 else int)):  # noqa: F821
        return str(value) if abs(value) >= 2 ** 53 else int(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return repr(value)


function = None
_pending = threading.local()
FLUSH_NS = 10000000
FLUSH_BYTES = 3000
BURST_NS = 500000


def report_task(kind, index):
    """Notes a task's start or end. Written at once, unless the worker is busy with tiny tasks (the task
    before, or this one, took under half a millisecond): then gathered, and written every 10 ms."""
    lines = getattr(_pending, "lines", None)
    if lines is None:
        lines = _pending.lines = []
        _pending.size = 0
        _pending.since = 0
        _pending.started = 0
        _pending.ids = (native_id(), os.getpid())
    t = now_ns()
    tiny = t - _pending.started < BURST_NS
    if kind == "start":
        _pending.started = t
    line = '{"%s": {"task": %d, "tid": %d, "pid": %d, "t": %d}}\n' % (kind, index, _pending.ids[0], _pending.ids[1], t)
    lines.append(line)
    _pending.size += len(line)
    if not tiny or _pending.size > FLUSH_BYTES or t - _pending.since > FLUSH_NS:
        flush_tasks()


def flush_tasks():
    lines = getattr(_pending, "lines", None)
    if lines:
        os.write(1, "".join(lines).encode("ascii"))
        del lines[:]
        _pending.size = 0
    _pending.since = now_ns()


def run_task(job):
    index, argument = job
    report_task("start", index)
    try:
        return function(argument)
    finally:
        report_task("end", index)  # also when it raises: that task is over, not lost with a pool worker


def run_chunk(jobs):
    """A pool worker's share at once, as Pool.map(chunksize=) sends it; its lines go out when it is done."""
    try:
        return [run_task(job) for job in jobs]
    finally:
        flush_tasks()


def announce_worker(number):
    say("worker", {"worker": number, "tid": native_id(), "pid": os.getpid(), "t": now_ns()})


def run_threads(jobs, workers):
    results = [None] * len(jobs)
    lock = threading.Lock()
    pending = list(reversed(jobs))
    failures = []

    def worker(number):
        announce_worker(number)
        try:
            while True:
                with lock:
                    if not pending or failures:
                        return
                    job = pending.pop()
                try:
                    results[job[0]] = run_task(job)
                except Exception:
                    failures.append(traceback.format_exc())
                    return
        finally:
            flush_tasks()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise RuntimeError(failures[0])
    return results



def _start_process(counter):
    exit_with_parent()
    with counter.get_lock():
        number = counter.value
        counter.value += 1
    announce_worker(number)


def run_processes(jobs, workers, chunk):
    import multiprocessing
    context = multiprocessing.get_context("fork") if hasattr(multiprocessing, "get_context") else multiprocessing
    counter = context.Value("i", 0)
    pool = context.Pool(workers, initializer=_start_process, initargs=(counter,))
    chunks = [jobs[i:i + chunk] for i in range(0, len(jobs), chunk)]
    try:
        return [result for part in pool.map(run_chunk, chunks, chunksize=1) for result in part]
    finally:
        pool.close()
        pool.join()


def keep_to_cores(cores):
    if hasattr(os, "sched_setaffinity"):  # 3.3+
        os.sched_setaffinity(0, cores)
        return
    import ctypes, ctypes.util
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    mask = (ctypes.c_ubyte * 128)()  # a cpu_set_t: 1024 cores
    for core in cores:
        mask[core // 8] |= 1 << (core % 8)
    if libc.sched_setaffinity(0, ctypes.sizeof(mask), ctypes.byref(mask)) != 0:
        raise OSError(ctypes.get_errno(), "sched_setaffinity(%s)" % sorted(cores))


def main():
    exit_with_parent()
    style, workers, chunk, function_name, shared_global, companion_name, switch, check, cores = sys.argv[1:10]
    workers, chunk = int(workers), int(chunk)
    if cores != "-":
        keep_to_cores(set(int(core) for core in cores.split(",")))
    if hasattr(sys, "setswitchinterval"):
        sys.setswitchinterval(float(switch))
    else:
        sys.setcheckinterval(int(check))
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # factorials: results have hundreds of thousands of digits
    say("hello", {"version": "%d.%d.%d" % sys.version_info[:3], "gil": gil_enabled(), "pid": os.getpid(),
                  "implementation": getattr(sys, "implementation", None) and sys.implementation.name or "cpython"})
    text = sys.stdin.read()
    source, _, inputs_expression = text.rpartition("\n#INPUTS\n")
    module = load_program(source)
    # A free-threaded build turns its GIL back on when it imports a module that needs it: say how it runs.
    say("lock", {"gil": gil_enabled()})
    global function
    function = getattr(module, function_name)
    inputs = list(eval(inputs_expression.strip(), module.__dict__))
    jobs = list(enumerate(inputs))
    companion = getattr(module, companion_name) if companion_name != "-" else None
    done, late, companion_thread = threading.Event(), [], None
    say("ready", now_ns())
    if companion is not None:
        def run_companion():
            announce_worker(workers)  # its own lane, after the workers'
            try:
                companion(done, late)
            except Exception:
                say("error", traceback.format_exc())
        companion_thread = threading.Thread(target=run_companion)
        if style == "sequential":
            done.set()  # alone, before the tasks: it takes its few samples and returns
            companion_thread.start()
            companion_thread.join()
        else:
            companion_thread.start()
    if style == "sequential":
        announce_worker(0)
        results = run_chunk(jobs)
    elif style == "threads":
        results = run_threads(jobs, workers)
    elif style == "processes":
        results = run_processes(jobs, workers, chunk)
    else:
        raise ValueError("unknown style " + style)
    done.set()
    if companion_thread is not None:
        companion_thread.join()
    shared = plain(getattr(module, shared_global)) if shared_global != "-" else None
    say("done", {"t": now_ns(), "results": [plain(r) for r in results], "shared": shared,
                 "companion": [float(x) for x in late]})


if __name__ == "__main__":
    try:
        main()
    except BaseException:
        say("error", traceback.format_exc())
        sys.exit(1)
