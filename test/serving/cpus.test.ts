import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableCpus, cgroupCpuLimit } from '../../src/serving/cpus.ts';
import { tempDir } from '../helpers.ts';

/** A stand-in for `/` holding `files` (proc/self/cgroup, sys/fs/cgroup/…). */
async function rootWith(files: Record<string, string>): Promise<string> {
  const root = await tempDir();
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), `${text}\n`);
  }
  return root;
}

describe('WORKERS=auto: the CPUs a container may use', () => {
  it('is 1 in a container limited to one CPU (cgroup v2, docker run --cpus=1)', async () => {
    const root = await rootWith({
      'proc/self/cgroup': '0::/',
      'sys/fs/cgroup/cpu.max': '100000 100000',
    });
    expect(availableCpus(root)).toBe(1);
  });

  it('is at least 1 under half a CPU, and takes the tightest limit above the cgroup (v2)', async () => {
    const root = await rootWith({
      'proc/self/cgroup': '0::/kubepods/pod1/app',
      'sys/fs/cgroup/kubepods/pod1/app/cpu.max': 'max 100000',
      'sys/fs/cgroup/kubepods/pod1/cpu.max': '50000 100000',
    });
    expect(cgroupCpuLimit(root)).toBe(0.5);
    expect(availableCpus(root)).toBe(1);
  });

  it('reads cgroup v1’s quota and period', async () => {
    const root = await rootWith({
      'proc/self/cgroup': '9:name=systemd:/docker/abc\n4:cpu,cpuacct:/docker/abc',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '150000',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000',
    });
    expect(cgroupCpuLimit(root)).toBe(1.5);
    expect(availableCpus(root)).toBe(1);
  });

  it('is the CPUs Node counts when no limit is set (max, -1) or there is no cgroup', async () => {
    const unlimited = await rootWith({
      'proc/self/cgroup': '0::/',
      'sys/fs/cgroup/cpu.max': 'max 100000',
    });
    const v1 = await rootWith({
      'proc/self/cgroup': '4:cpu,cpuacct:/',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '-1',
      'sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000',
    });
    for (const root of [unlimited, v1, await tempDir()])
      expect(availableCpus(root)).toBe(availableParallelism());
  });
});
