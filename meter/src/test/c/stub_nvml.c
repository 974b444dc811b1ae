/*
 * A stub libnvidia-ml.so for WattIQ's tests: the NVML calls WattIQ binds, with the real signatures, struct
 * layouts and return codes of nvml.h, serving devices described in a control file.
 *
 * Control file: $WATTIQ_NVML_STUB_CONTROL, else "<this library's path>.ctl" (so each test copies the library
 * under its own name and gets its own state). Re-read on every call. Lines (# starts a comment):
 *   init ok|driver_not_loaded|no_permission|lib_rm_version_mismatch
 *   time_ms N                      stub time in ms; absent: real time since the library was loaded
 *   device I key=value...          keys: name (underscores become spaces), uuid, mem_total, mem_used,
 *                                  power_mw, limit_mw, min_mw, max_mw, util, energy (counter|none),
 *                                  power (ok|none), energy0_mj, lost (0|1), lost_after_ms, mig (0|1),
 *                                  proc_util (ok|none), count_query (insufficient_size|success: what a
 *                                  NULL buffer gets back from the two process lists; drivers differ),
 *                                  set_mj=G:V (sets the energy counter to V mJ once per new generation G: a
 *                                  counter that jumps or goes back, as after a driver reload)
 *   process I pid=P sm=S mem=B     a compute process on device I with SM utilisation S % and B bytes
 *   read_delay_us N                each total-energy read takes N us longer (a slow driver: ~3.5 ms on a virtualised H200)
 *   hold_file PATH                 while PATH exists, total-energy reads wait (and PATH.held exists while one waits)
 * Energy counters advance by power_mw x elapsed stub time. Compiled with -DSTUB_OLD_DRIVER it lacks the symbols
 * an old driver lacks (total energy, process utilisation, _v3 running processes).
 */
#include "stub_control.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

typedef int nvmlReturn_t;
typedef struct stub_device *nvmlDevice_t;
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;
typedef struct { unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId, computeInstanceId; } nvmlProcessInfo_t;
typedef struct { unsigned int pid; unsigned long long timeStamp; unsigned int smUtil, memUtil, encUtil, decUtil; } nvmlProcessUtilizationSample_t;

enum { OK = 0, UNINITIALIZED = 1, INVALID_ARGUMENT = 2, NOT_SUPPORTED = 3, NO_PERMISSION = 4, NOT_FOUND = 6,
       INSUFFICIENT_SIZE = 7, DRIVER_NOT_LOADED = 9, GPU_IS_LOST = 15, LIB_RM_VERSION_MISMATCH = 18 };

#define MAX_DEV 8
#define MAX_PROC 16
struct stub_process { unsigned int pid, sm; unsigned long long mem; };
struct stub_device {
    int present;
    char name[96], uuid[96];
    unsigned long long mem_total, mem_used;
    unsigned int power_mw, limit_mw, min_mw, max_mw, util;
    int has_energy, has_power, lost, mig, proc_util, count_ok;
    long long lost_after_ms, set_gen;
    double energy_mj, last_ms;
    int nproc;
    struct stub_process procs[MAX_PROC];
};

static struct stub_device devs[MAX_DEV];
static int ndev, init_result;
static char hold_file[1024];
static long read_delay_us;

__attribute__((unused)) static unsigned long long now_us_wall(void) {
    if (fixed_time_ms >= 0) return 1700000000000000ULL + (unsigned long long)fixed_time_ms * 1000ULL;
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (unsigned long long)tv.tv_sec * 1000000ULL + tv.tv_usec;
}

static void set_key(struct stub_device *d, const char *k, const char *v, int fresh) {
    if (!strcmp(k, "name")) { snprintf(d->name, sizeof d->name, "%s", v); for (char *p = d->name; *p; p++) if (*p == '_') *p = ' '; }
    else if (!strcmp(k, "uuid")) snprintf(d->uuid, sizeof d->uuid, "%s", v);
    else if (!strcmp(k, "mem_total")) d->mem_total = strtoull(v, NULL, 10);
    else if (!strcmp(k, "mem_used")) d->mem_used = strtoull(v, NULL, 10);
    else if (!strcmp(k, "power_mw")) d->power_mw = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "limit_mw")) d->limit_mw = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "min_mw")) d->min_mw = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "max_mw")) d->max_mw = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "util")) d->util = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "energy")) d->has_energy = strcmp(v, "none") != 0;
    else if (!strcmp(k, "power")) d->has_power = strcmp(v, "none") != 0;
    else if (!strcmp(k, "energy0_mj")) { if (fresh) d->energy_mj = strtod(v, NULL); }
    else if (!strcmp(k, "lost")) d->lost = atoi(v);
    else if (!strcmp(k, "lost_after_ms")) d->lost_after_ms = strtoll(v, NULL, 10);
    else if (!strcmp(k, "mig")) d->mig = atoi(v);
    else if (!strcmp(k, "proc_util")) d->proc_util = strcmp(v, "none") != 0;
    else if (!strcmp(k, "count_query")) d->count_ok = !strcmp(v, "success");
    else if (!strcmp(k, "set_mj")) {
        char *colon = strchr(v, ':');
        long long gen = strtoll(v, NULL, 10);
        if (colon && gen != d->set_gen) { d->set_gen = gen; d->energy_mj = strtod(colon + 1, NULL); }
    }
}

/* Advances every device's energy to the current stub time at its current power. */
static void advance(void) {
    double t = now_ms();
    for (int i = 0; i < ndev; i++) {
        struct stub_device *d = &devs[i];
        if (t > d->last_ms) d->energy_mj += d->power_mw * (t - d->last_ms) / 1000.0;
        d->last_ms = t;
    }
}

/* Re-reads the control file (on every call: tests rewrite it faster than mtime resolves); keeps accumulated energy. */
static void refresh(void) {
    FILE *f = open_control("WATTIQ_NVML_STUB_CONTROL");
    if (!f) return;
    advance();
    for (int i = 0; i < MAX_DEV; i++) devs[i].nproc = 0;
    hold_file[0] = 0;
    read_delay_us = 0;
    char line[1024];
    for (char *tok; (tok = next_directive(f, line, sizeof line)); ) {
        if (!strcmp(tok, "init")) {
            char *v = next_word();
            init_result = !v || !strcmp(v, "ok") ? OK : !strcmp(v, "driver_not_loaded") ? DRIVER_NOT_LOADED
                        : !strcmp(v, "no_permission") ? NO_PERMISSION : LIB_RM_VERSION_MISMATCH;
        } else if (!strcmp(tok, "read_delay_us")) {
            char *v = next_word();
            if (v) read_delay_us = strtol(v, NULL, 10);
        } else if (!strcmp(tok, "hold_file")) {
            char *v = next_word();
            if (v) snprintf(hold_file, sizeof hold_file, "%s", v);
        } else if (!strcmp(tok, "device") || !strcmp(tok, "process")) {
            int is_dev = tok[0] == 'd';
            int i = next_index(MAX_DEV);
            if (i < 0) continue;
            struct stub_device *d = &devs[i];
            int fresh = is_dev && !d->present;
            if (fresh) {
                d->present = 1; d->has_energy = 1; d->has_power = 1; d->proc_util = 1; d->lost_after_ms = -1;
                d->last_ms = now_ms();
                if (i + 1 > ndev) ndev = i + 1;
            }
            struct stub_process *p = !is_dev && d->nproc < MAX_PROC ? &d->procs[d->nproc++] : NULL;
            for (char *k, *v; (k = next_pair(&v)); ) {
                if (is_dev) set_key(d, k, v, fresh);
                else if (p && !strcmp(k, "pid")) p->pid = (unsigned)strtoul(v, NULL, 10);
                else if (p && !strcmp(k, "sm")) p->sm = (unsigned)strtoul(v, NULL, 10);
                else if (p && !strcmp(k, "mem")) p->mem = strtoull(v, NULL, 10);
            }
        }
    }
    fclose(f);
    advance();
}

/* Checks the handle and whether the device is lost; returns OK or the error to return. */
static nvmlReturn_t check(nvmlDevice_t d) {
    if (!initialized) return UNINITIALIZED;
    refresh();
    if (d < devs || d >= devs + ndev || !d->present) return INVALID_ARGUMENT;
    if (stub_lost(d->lost, d->lost_after_ms)) return GPU_IS_LOST;
    return OK;
}

nvmlReturn_t nvmlInit_v2(void) {
    start_clock();
    refresh();
    if (init_result != OK) return init_result;
    initialized++;
    return OK;
}

nvmlReturn_t nvmlShutdown(void) {
    return stub_shut_down() ? OK : UNINITIALIZED;
}

const char *nvmlErrorString(nvmlReturn_t r) {
    switch (r) {
        case OK: return "Success";
        case UNINITIALIZED: return "Uninitialized";
        case INVALID_ARGUMENT: return "Invalid Argument";
        case NOT_SUPPORTED: return "Not Supported";
        case NO_PERMISSION: return "Insufficient Permissions";
        case NOT_FOUND: return "Not Found";
        case INSUFFICIENT_SIZE: return "Insufficient Size";
        case DRIVER_NOT_LOADED: return "Driver Not Loaded";
        case GPU_IS_LOST: return "GPU is lost";
        case LIB_RM_VERSION_MISMATCH: return "RM has detected an NVML/RM version mismatch.";
        default: return "Unknown Error";
    }
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
    if (!initialized) return UNINITIALIZED;
    if (!count) return INVALID_ARGUMENT;
    refresh();
    *count = (unsigned)ndev;
    return OK;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (!initialized) return UNINITIALIZED;
    refresh();
    if (!device || index >= (unsigned)ndev) return INVALID_ARGUMENT;
    *device = &devs[index];
    return OK;
}

static nvmlReturn_t copy_string(nvmlDevice_t d, const char *s, char *out, unsigned int len) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    if (!out) return INVALID_ARGUMENT;
    if (strlen(s) + 1 > len) return INSUFFICIENT_SIZE;
    strcpy(out, s);
    return OK;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t d, char *name, unsigned int len) { return copy_string(d, d->name, name, len); }
nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t d, char *uuid, unsigned int len) { return copy_string(d, d->uuid, uuid, len); }

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t d, nvmlMemory_t *m) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    if (!m) return INVALID_ARGUMENT;
    m->total = d->mem_total; m->used = d->mem_used; m->free = d->mem_total - d->mem_used;
    return OK;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t d, unsigned int *mw) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    if (!d->has_power) return NOT_SUPPORTED;
    if (!mw) return INVALID_ARGUMENT;
    *mw = d->power_mw;
    return OK;
}

nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(nvmlDevice_t d, unsigned int *mw) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    if (!d->limit_mw) return NOT_SUPPORTED;
    *mw = d->limit_mw;
    return OK;
}

nvmlReturn_t nvmlDeviceGetPowerManagementLimitConstraints(nvmlDevice_t d, unsigned int *min, unsigned int *max) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    if (!d->max_mw) return NOT_SUPPORTED;
    *min = d->min_mw; *max = d->max_mw;
    return OK;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t d, nvmlUtilization_t *u) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    u->gpu = d->util; u->memory = d->util / 2;
    return OK;
}

nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t d, unsigned int *current, unsigned int *pending) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    *current = (unsigned)d->mig; *pending = (unsigned)d->mig;
    return OK;
}

/* A slow driver: sleeps read_delay_us, then waits while hold_file exists (marking PATH.held meanwhile). */
__attribute__((unused)) static void slow_read(void) {
    if (read_delay_us > 0) {
        struct timespec ts = { read_delay_us / 1000000, (read_delay_us % 1000000) * 1000 };
        nanosleep(&ts, NULL);
    }
    if (!hold_file[0]) return;
    char path[1024], held[1100];
    snprintf(path, sizeof path, "%s", hold_file);
    snprintf(held, sizeof held, "%s.held", path);
    struct stat st;
    int marked = 0;
    while (stat(path, &st) == 0) {
        if (!marked) { FILE *m = fopen(held, "w"); if (m) fclose(m); marked = 1; }
        struct timespec ms = { 0, 1000000 };
        nanosleep(&ms, NULL);
    }
    if (marked) unlink(held);
}

#ifndef STUB_OLD_DRIVER
nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t d, unsigned long long *mj) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    slow_read();
    advance(); /* the energy at the moment the slow read returns */
    if (!d->has_energy) return NOT_SUPPORTED;
    if (!mj) return INVALID_ARGUMENT;
    *mj = (unsigned long long)d->energy_mj;
    return OK;
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t d, unsigned int *count, nvmlProcessInfo_t *infos) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    if (!count) return INVALID_ARGUMENT;
    if (*count < (unsigned)d->nproc || (!infos && d->nproc)) { *count = (unsigned)d->nproc; return d->count_ok && !infos ? OK : INSUFFICIENT_SIZE; }
    for (int i = 0; i < d->nproc; i++) {
        infos[i].pid = d->procs[i].pid; infos[i].usedGpuMemory = d->procs[i].mem;
        infos[i].gpuInstanceId = d->mig ? 1 : 0xFFFFFFFFu; infos[i].computeInstanceId = d->mig ? 0 : 0xFFFFFFFFu;
    }
    *count = (unsigned)d->nproc;
    return OK;
}

/* One sample per process per call, stamped now, returned when newer than lastSeen (as NVML's buffer does). */
nvmlReturn_t nvmlDeviceGetProcessUtilization(nvmlDevice_t d, nvmlProcessUtilizationSample_t *out, unsigned int *count,
                                             unsigned long long lastSeen) {
    nvmlReturn_t r = check(d);
    if (r) return r;
    if (!d->proc_util || d->mig) return NOT_SUPPORTED;
    if (!count) return INVALID_ARGUMENT;
    unsigned long long ts = now_us_wall();
    unsigned n = ts > lastSeen ? (unsigned)d->nproc : 0;
    if (n == 0) return NOT_FOUND;
    if (!out || *count < n) { *count = n; return d->count_ok && !out ? OK : INSUFFICIENT_SIZE; }
    for (unsigned i = 0; i < n; i++) {
        out[i].pid = d->procs[i].pid; out[i].timeStamp = ts; out[i].smUtil = d->procs[i].sm;
        out[i].memUtil = d->procs[i].sm / 2; out[i].encUtil = 0; out[i].decUtil = 0;
    }
    *count = n;
    return OK;
}
#endif
