# richards: Martin Richards' operating-system simulation benchmark (as in pyperformance bm_richards); written for UnmanagedHeap
# Six tasks (idle, worker, two handlers, two devices) pass packets through a
# priority scheduler. One run of the classic workload ends with 23246 packets
# queued and 9297 holds; the program repeats it and checks both every time.

BUFFER_SIZE = 4
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 1000, 1001


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def appended_to(self, queue):
        """Put this packet at the end of `queue`; return the queue's new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class IdleState:
    def __init__(self):
        self.control = 1
        self.count = 10000


class WorkerState:
    def __init__(self):
        self.destination = HANDLER_A
        self.count = 0


class HandlerState:
    def __init__(self):
        self.work_queue = None
        self.device_queue = None


class DeviceState:
    def __init__(self):
        self.pending = None


class System:
    """The scheduler's shared state: the task table and the two counters."""

    def __init__(self):
        self.tasks = [None] * 7
        self.task_list = None
        self.hold_count = 0
        self.queue_count = 0


class Task:
    def __init__(self, system, ident, priority, queue, pending, waiting, state):
        self.system = system
        self.link = system.task_list
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = pending
        self.waiting = waiting
        self.holding = False
        self.state = state
        system.task_list = self
        system.tasks[ident] = self

    def blocked(self):
        return self.holding or (not self.packet_pending and self.waiting)

    def run(self):
        if self.packet_pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.packet_pending = self.queue is not None
            self.waiting = False
            self.holding = False
        else:
            packet = None
        return self.step(packet)

    def enqueue(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            packet.appended_to(self.queue)
        return current

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.system.hold_count += 1
        self.holding = True
        return self.link

    def release(self, ident):
        task = self.system.tasks[ident]
        task.holding = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        target = self.system.tasks[packet.ident]
        self.system.queue_count += 1
        packet.link = None
        packet.ident = self.ident
        return target.enqueue(packet, self)


class IdleTask(Task):
    def step(self, packet):
        s = self.state
        s.count -= 1
        if s.count == 0:
            return self.hold()
        if s.control & 1 == 0:
            s.control >>= 1
            return self.release(DEVICE_A)
        s.control = (s.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def step(self, packet):
        if packet is None:
            return self.wait()
        s = self.state
        s.destination = HANDLER_B if s.destination == HANDLER_A else HANDLER_A
        packet.ident = s.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            s.count += 1
            if s.count > 26:
                s.count = 1
            packet.data[i] = 64 + s.count
        return self.send(packet)


class HandlerTask(Task):
    def step(self, packet):
        s = self.state
        if packet is not None:
            if packet.kind == KIND_WORK:
                s.work_queue = packet.appended_to(s.work_queue)
            else:
                s.device_queue = packet.appended_to(s.device_queue)
        work = s.work_queue
        if work is not None:
            count = work.datum
            if count >= BUFFER_SIZE:
                s.work_queue = work.link
                return self.send(work)
            device = s.device_queue
            if device is not None:
                s.device_queue = device.link
                device.datum = work.data[count]
                work.datum = count + 1
                return self.send(device)
        return self.wait()


class DeviceTask(Task):
    def step(self, packet):
        s = self.state
        if packet is None:
            packet = s.pending
            if packet is None:
                return self.wait()
            s.pending = None
            return self.send(packet)
        s.pending = packet
        return self.hold()


def packets(count, ident, kind):
    head = None
    for _ in range(count):
        head = Packet(head, ident, kind)
    return head


def simulate():
    system = System()
    IdleTask(system, IDLE, 1, None, False, False, IdleState())
    WorkerTask(system, WORKER, 1000, packets(2, 0, KIND_WORK), True, True, WorkerState())
    HandlerTask(system, HANDLER_A, 2000, packets(3, DEVICE_A, KIND_DEVICE), True, True, HandlerState())
    HandlerTask(system, HANDLER_B, 3000, packets(3, DEVICE_B, KIND_DEVICE), True, True, HandlerState())
    DeviceTask(system, DEVICE_A, 4000, None, False, True, DeviceState())
    DeviceTask(system, DEVICE_B, 5000, None, False, True, DeviceState())
    task = system.task_list
    while task is not None:
        if task.blocked():
            task = task.link
        else:
            task = task.run()
    return system.queue_count, system.hold_count


RUNS = 30
ok = 0
for _ in range(RUNS):
    queued, held = simulate()
    if queued == 23246 and held == 9297:
        ok += 1
print("richards:", RUNS, "runs;", ok, "correct; last run queued", queued, "held", held)
