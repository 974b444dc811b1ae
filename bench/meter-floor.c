/*
 * The floor under the meter's overhead on this machine: a C thread that wakes every INTERVAL ms and does the
 * meter's reads with pread(2), nothing else. RAPL files at every wake; in process scope, the attribution reads
 * (/proc/stat, /proc/PID/stat, /proc/PID/task/PID/children) every ATTRIBUTION ms. Prints the thread's CPU time
 * per wake-up and as a share of one core. Built and run by bench/meter-overhead.sh, next to the Java meter.
 * Usage: meter-floor SECONDS INTERVAL_MS ATTRIBUTION_MS PID|0 FILE...
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now_ns(clockid_t c) {
    struct timespec t;
    clock_gettime(c, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int open_or_die(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        exit(2);
    }
    return fd;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: meter-floor SECONDS INTERVAL_MS ATTRIBUTION_MS PID|0 FILE...\n");
        return 2;
    }
    double seconds = atof(argv[1]);
    long interval_ns = atol(argv[2]) * 1000000L;
    long attribution_ns = atol(argv[3]) * 1000000L;
    long pid = atol(argv[4]);
    int nfiles = argc - 5, fds[16], attr[3], nattr = 0;
    char path[3][64], buf[4096];
    if (nfiles > 16) nfiles = 16;
    for (int i = 0; i < nfiles; i++) fds[i] = open_or_die(argv[5 + i]);
    if (pid > 0) {
        snprintf(path[0], sizeof path[0], "/proc/stat");
        snprintf(path[1], sizeof path[1], "/proc/%ld/stat", pid);
        snprintf(path[2], sizeof path[2], "/proc/%ld/task/%ld/children", pid, pid);
        for (nattr = 0; nattr < 3; nattr++) attr[nattr] = open_or_die(path[nattr]);
    }
    long every = attribution_ns > interval_ns ? (attribution_ns + interval_ns / 2) / interval_ns : 1;
    long wakes = (long) (seconds * 1e9 / interval_ns);
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    double cpu0 = now_ns(CLOCK_THREAD_CPUTIME_ID), wall0 = now_ns(CLOCK_MONOTONIC);
    for (long w = 1; w <= wakes; w++) {
        next.tv_nsec += interval_ns;
        while (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            next.tv_sec++;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        for (int i = 0; i < nfiles; i++) pread(fds[i], buf, 64, 0);
        if (nattr > 0 && w % every == 0) {
            pread(attr[0], buf, 1024, 0);
            pread(attr[1], buf, 512, 0);
            pread(attr[2], buf, 64, 0);
        }
    }
    double cpu = now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu0, wall = now_ns(CLOCK_MONOTONIC) - wall0;
    printf("%-10s %8.2f %9ld %14.1f %14.4f %12.1f   (C: wake-ups and preads only%s)\n", argv[2], wall / 1e9, wakes, cpu / 1e6,
           100.0 * cpu / wall, cpu / wakes / 1e3, pid > 0 ? ", process scope" : ", machine scope");
    return 0;
}
