import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/**
 * The CPUs this process may keep busy, for `WORKERS=auto`: Node's `os.availableParallelism()`
 * (the CPUs it may run on), capped by the cgroup CPU limit a container runs under (`docker run
 * --cpus`, a Kubernetes CPU limit), at least 1. Node reads that limit itself only from libuv 1.49
 * on (Node 24, the image's); on Node 20 it counts the host's CPUs, so the limit is read here too,
 * from cgroup v2's `cpu.max` or cgroup v1's `cpu.cfs_quota_us` and `cpu.cfs_period_us`, of this
 * process's cgroup and those above it. `root` stands for `/` (tests).
 */
export function availableCpus(root = '/'): number {
  const limit = cgroupCpuLimit(root);
  const cpus = availableParallelism();
  return Math.max(1, limit === null ? cpus : Math.min(cpus, Math.floor(limit)));
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** A quota over a period, in CPUs; null for none ("max", -1) or what cannot be read. */
function cpusOf(quota: string | undefined, period: string | undefined): number | null {
  const q = Number(quota);
  const p = Number(period);
  return Number.isFinite(q) && q > 0 && Number.isFinite(p) && p > 0 ? q / p : null;
}

/** `/a/b/c`, `/a/b`, `/a`, `/`: a cgroup and those above it. */
function cgroupAndAncestors(cgroup: string): string[] {
  const folders: string[] = [];
  for (let at = path.posix.normalize(`/${cgroup}`); ; at = path.posix.dirname(at)) {
    folders.push(at);
    if (at === '/') return folders;
  }
}

/**
 * The tightest CPU limit on this process's cgroup or one above it, in CPUs (1.5 for
 * `--cpus=1.5`), or null when there is none or no cgroup to read (not Linux).
 */
export function cgroupCpuLimit(root = '/'): number | null {
  const membership = read(path.join(root, 'proc/self/cgroup'));
  if (membership === null) return null;
  const limits: number[] = [];
  for (const line of membership.split('\n')) {
    const [, controllers = '', cgroup = '/'] = line.split(/:(.*?):/);
    if (controllers === '') {
      // cgroup v2: one hierarchy, `0::/path`, mounted at /sys/fs/cgroup.
      for (const folder of cgroupAndAncestors(cgroup)) {
        const [quota, period] = (
          read(path.join(root, 'sys/fs/cgroup', folder, 'cpu.max')) ?? ''
        ).split(/\s+/);
        const cpus = cpusOf(quota, period);
        if (cpus !== null) limits.push(cpus);
      }
    } else if (controllers.split(',').includes('cpu')) {
      // cgroup v1: the cpu controller's own hierarchy; inside a container its mount shows the
      // container's cgroup at its root, so the root is read when the host's path is not there.
      const mount = path.join(root, 'sys/fs/cgroup', controllers);
      const fallback = path.join(root, 'sys/fs/cgroup/cpu');
      for (const base of [mount, fallback]) {
        for (const folder of [...cgroupAndAncestors(cgroup), '/']) {
          const cpus = cpusOf(
            read(path.join(base, folder, 'cpu.cfs_quota_us')) ?? undefined,
            read(path.join(base, folder, 'cpu.cfs_period_us')) ?? undefined,
          );
          if (cpus !== null) limits.push(cpus);
        }
      }
    }
  }
  return limits.length > 0 ? Math.min(...limits) : null;
}
