/*
 * A stub libamd_smi.so for WattIQ's tests: the AMD SMI calls WattIQ binds, with the names, signatures, struct layouts
 * and status codes of amdsmi.h (ROCm 6.x/7.x, library 24 and later: AMDSMI_MAX_STRING_LENGTH 256), serving GPUs
 * described in a control file.
 *
 * Control file: $WATTIQ_AMDSMI_STUB_CONTROL, else "<this library's path>.ctl" (each test copies the library under its
 * own name and gets its own state). Re-read on every call. Lines (# starts a comment):
 *   init ok|no_perm|driver_not_loaded|init_error
 *   time_ms N                      stub time in ms; absent: real time since the library was loaded
 *   gpu I key=value...             keys: name (underscores become spaces), uuid, vram_total, vram_used (bytes),
 *                                  power_w (integer watts), power (current|average|none: which power_info field
 *                                  holds it), energy (counter|none), resolution (µJ per count), cap_w, min_cap_w,
 *                                  max_cap_w, lost (0|1), lost_after_ms, procs (ok|none)
 *   process I pid=P gfx=PCT mem=B  a process on GPU I using PCT % of its graphics engine and B bytes of VRAM
 * The energy accumulator advances by power_w x elapsed stub time / resolution; each process's gfx engine time by
 * PCT % of elapsed time. Compiled with -DSTUB_NO_ENERGY it lacks amdsmi_get_energy_count; with -DSTUB_NO_PROCESSES
 * it lacks amdsmi_get_gpu_process_list (older libraries).
 */
#include "stub_control.h"
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define AMDSMI_MAX_STRING_LENGTH 256
#define AMDSMI_GPU_UUID_SIZE 38
typedef void *amdsmi_processor_handle;
typedef void *amdsmi_socket_handle;
typedef enum {
    AMDSMI_STATUS_SUCCESS = 0, AMDSMI_STATUS_INVAL = 1, AMDSMI_STATUS_NOT_SUPPORTED = 2, AMDSMI_STATUS_NO_PERM = 10,
    AMDSMI_STATUS_OUT_OF_RESOURCES = 15, AMDSMI_STATUS_INIT_ERROR = 18, AMDSMI_STATUS_NOT_FOUND = 31, AMDSMI_STATUS_NOT_INIT = 32,
    AMDSMI_STATUS_DRIVER_NOT_LOADED = 34, AMDSMI_STATUS_UNKNOWN_ERROR = 0xFFFFFFFF
} amdsmi_status_t;
typedef enum { AMDSMI_INIT_AMD_CPUS = (1 << 0), AMDSMI_INIT_AMD_GPUS = (1 << 1) } amdsmi_init_flags_t;
typedef enum { AMDSMI_PROCESSOR_TYPE_UNKNOWN = 0, AMDSMI_PROCESSOR_TYPE_AMD_GPU, AMDSMI_PROCESSOR_TYPE_AMD_CPU } processor_type_t;
typedef enum { AMDSMI_MEM_TYPE_VRAM = 0, AMDSMI_MEM_TYPE_VIS_VRAM = 1, AMDSMI_MEM_TYPE_GTT = 2 } amdsmi_memory_type_t;
typedef uint32_t amdsmi_process_handle_t;

typedef struct {
    char market_name[AMDSMI_MAX_STRING_LENGTH];
    uint32_t vendor_id;
    char vendor_name[AMDSMI_MAX_STRING_LENGTH];
    uint32_t subvendor_id;
    uint64_t device_id;
    uint32_t rev_id;
    char asic_serial[AMDSMI_MAX_STRING_LENGTH];
    uint32_t oam_id;
    uint32_t num_of_compute_units;
    uint64_t target_graphics_version;
    uint32_t subsystem_id;
    uint32_t reserved[21];
} amdsmi_asic_info_t;

typedef struct {
    uint64_t socket_power;
    uint32_t current_socket_power;
    uint32_t average_socket_power;
    uint64_t gfx_voltage;
    uint64_t soc_voltage;
    uint64_t mem_voltage;
    uint32_t power_limit;
    uint64_t reserved[18];
} amdsmi_power_info_t;

typedef struct {
    uint64_t power_cap;
    uint64_t default_power_cap;
    uint64_t dpm_cap;
    uint64_t min_power_cap;
    uint64_t max_power_cap;
    uint64_t reserved[3];
} amdsmi_power_cap_info_t;

typedef struct {
    char name[AMDSMI_MAX_STRING_LENGTH];
    amdsmi_process_handle_t pid;
    uint64_t mem;
    struct engine_usage_ { uint64_t gfx; uint64_t enc; uint32_t reserved[12]; } engine_usage;
    struct memory_usage_ { uint64_t gtt_mem; uint64_t cpu_mem; uint64_t vram_mem; uint32_t reserved[10]; } memory_usage;
    char container_name[AMDSMI_MAX_STRING_LENGTH];
    uint32_t cu_occupancy;
    uint32_t evicted_time;
    uint32_t reserved[10];
} amdsmi_proc_info_t;

#define MAX_GPU 8
#define MAX_PROC 16
struct stub_process { unsigned pid, gfx; unsigned long long mem; double gfx_ns; };
struct stub_gpu {
    int present, has_energy, lost, procs_ok;
    char name[96], uuid[64];
    unsigned long long vram_total, vram_used;
    unsigned power_w, cap_w, min_cap_w, max_cap_w;
    int power_field; /* 0 current, 1 average, 2 none */
    float resolution;
    long long lost_after_ms;
    double energy_uj, last_ms;
    int nproc;
    struct stub_process procs[MAX_PROC];
};

static struct stub_gpu gpus[MAX_GPU];
static int ngpu, init_result;
static int socket_token;


/* Adds the energy and engine time since each GPU's last update, at the power and engine shares that held then. */
static void advance(const struct stub_gpu *before) {
    double t = now_ms();
    for (int i = 0; i < ngpu; i++) {
        struct stub_gpu *g = &gpus[i];
        if (t > g->last_ms) {
            double dt = t - g->last_ms;
            g->energy_uj += before[i].power_w * dt * 1000.0;
            for (int k = 0; k < g->nproc; k++) {
                for (int b = 0; b < before[i].nproc; b++) {
                    if (before[i].procs[b].pid == g->procs[k].pid) g->procs[k].gfx_ns += before[i].procs[b].gfx / 100.0 * dt * 1e6;
                }
            }
        }
        g->last_ms = t;
    }
}

static void set_key(struct stub_gpu *g, const char *k, const char *v) {
    if (!strcmp(k, "name")) { snprintf(g->name, sizeof g->name, "%s", v); for (char *p = g->name; *p; p++) if (*p == '_') *p = ' '; }
    else if (!strcmp(k, "uuid")) snprintf(g->uuid, sizeof g->uuid, "%s", v);
    else if (!strcmp(k, "vram_total")) g->vram_total = strtoull(v, NULL, 10);
    else if (!strcmp(k, "vram_used")) g->vram_used = strtoull(v, NULL, 10);
    else if (!strcmp(k, "power_w")) g->power_w = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "power")) g->power_field = !strcmp(v, "current") ? 0 : !strcmp(v, "average") ? 1 : 2;
    else if (!strcmp(k, "energy")) g->has_energy = strcmp(v, "none") != 0;
    else if (!strcmp(k, "resolution")) g->resolution = strtof(v, NULL);
    else if (!strcmp(k, "cap_w")) g->cap_w = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "min_cap_w")) g->min_cap_w = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "max_cap_w")) g->max_cap_w = (unsigned)strtoul(v, NULL, 10);
    else if (!strcmp(k, "lost")) g->lost = atoi(v);
    else if (!strcmp(k, "lost_after_ms")) g->lost_after_ms = strtoll(v, NULL, 10);
    else if (!strcmp(k, "procs")) g->procs_ok = strcmp(v, "none") != 0;
}

/*
 * Re-reads the control file on every call, keeping accumulated energy and engine time. A line's values take effect
 * at the file's time_ms: up to it, the values before held (so "time_ms 2000" with "power_w=300" means the old power
 * until 2 s, then 300 W).
 */
static void refresh(void) {
    static struct stub_gpu before[MAX_GPU];
    FILE *f = open_control("WATTIQ_AMDSMI_STUB_CONTROL");
    if (!f) return;
    memcpy(before, gpus, sizeof gpus);
    int seen[MAX_GPU][MAX_PROC] = {{0}};
    char line[1024];
    for (char *tok; (tok = next_directive(f, line, sizeof line)); ) {
        if (!strcmp(tok, "init")) {
            char *v = next_word();
            init_result = !v || !strcmp(v, "ok") ? AMDSMI_STATUS_SUCCESS : !strcmp(v, "no_perm") ? AMDSMI_STATUS_NO_PERM
                        : !strcmp(v, "driver_not_loaded") ? AMDSMI_STATUS_DRIVER_NOT_LOADED : AMDSMI_STATUS_INIT_ERROR;
        } else if (!strcmp(tok, "gpu") || !strcmp(tok, "process")) {
            int is_gpu = tok[0] == 'g';
            int i = next_index(MAX_GPU);
            if (i < 0) continue;
            struct stub_gpu *g = &gpus[i];
            if (is_gpu && !g->present) {
                g->present = 1; g->has_energy = 1; g->procs_ok = 1; g->lost_after_ms = -1; g->resolution = 15.3f; g->power_field = 0;
                g->last_ms = now_ms();
                if (i + 1 > ngpu) ngpu = i + 1;
            }
            unsigned pid = 0, gfx = 0; unsigned long long mem = 0;
            for (char *k, *v; (k = next_pair(&v)); ) {
                if (is_gpu) set_key(g, k, v);
                else if (!strcmp(k, "pid")) pid = (unsigned)strtoul(v, NULL, 10);
                else if (!strcmp(k, "gfx")) gfx = (unsigned)strtoul(v, NULL, 10);
                else if (!strcmp(k, "mem")) mem = strtoull(v, NULL, 10);
            }
            if (!is_gpu) { /* keep each pid's accumulated engine time across re-reads */
                int k;
                for (k = 0; k < g->nproc && g->procs[k].pid != pid; k++) ;
                if (k == g->nproc && g->nproc < MAX_PROC) { g->nproc++; g->procs[k].gfx_ns = 0; }
                if (k < MAX_PROC) { g->procs[k].pid = pid; g->procs[k].gfx = gfx; g->procs[k].mem = mem; seen[i][k] = 1; }
            }
        }
    }
    fclose(f);
    for (int i = 0; i < ngpu; i++) { /* processes no longer listed have exited */
        int n = 0;
        for (int k = 0; k < gpus[i].nproc; k++) if (seen[i][k]) gpus[i].procs[n++] = gpus[i].procs[k];
        gpus[i].nproc = n;
    }
    advance(before);
}

/*
 * Checks a device call as AMD SMI does, in its order: initialised, a handle to a present GPU, the GPU not lost, then
 * the caller's own arguments (args_ok false: AMDSMI_STATUS_INVAL). Sets *out to the GPU on success.
 */
static amdsmi_status_t check(amdsmi_processor_handle h, struct stub_gpu **out, int args_ok) {
    if (!initialized) return AMDSMI_STATUS_NOT_INIT;
    refresh();
    struct stub_gpu *g = (struct stub_gpu *)h;
    if (g < gpus || g >= gpus + ngpu || !g->present) return AMDSMI_STATUS_INVAL;
    if (stub_lost(g->lost, g->lost_after_ms)) return AMDSMI_STATUS_NOT_FOUND;
    if (!args_ok) return AMDSMI_STATUS_INVAL;
    *out = g;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_init(uint64_t init_flags) {
    start_clock();
    refresh();
    if (!(init_flags & AMDSMI_INIT_AMD_GPUS)) return AMDSMI_STATUS_INVAL;
    if (init_result != AMDSMI_STATUS_SUCCESS) return init_result;
    initialized++;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_shut_down(void) {
    return stub_shut_down() ? AMDSMI_STATUS_SUCCESS : AMDSMI_STATUS_NOT_INIT;
}

amdsmi_status_t amdsmi_status_code_to_string(amdsmi_status_t status, const char **status_string) {
    if (!status_string) return AMDSMI_STATUS_INVAL;
    switch (status) {
        case AMDSMI_STATUS_SUCCESS: *status_string = "AMDSMI_STATUS_SUCCESS: Call succeeded"; break;
        case AMDSMI_STATUS_INVAL: *status_string = "AMDSMI_STATUS_INVAL: Invalid parameters"; break;
        case AMDSMI_STATUS_NOT_SUPPORTED: *status_string = "AMDSMI_STATUS_NOT_SUPPORTED: Command not supported"; break;
        case AMDSMI_STATUS_NO_PERM: *status_string = "AMDSMI_STATUS_NO_PERM: Permission Denied"; break;
        case AMDSMI_STATUS_OUT_OF_RESOURCES: *status_string = "AMDSMI_STATUS_OUT_OF_RESOURCES: Not enough memory"; break;
        case AMDSMI_STATUS_INIT_ERROR: *status_string = "AMDSMI_STATUS_INIT_ERROR: An error occurred when initializing internal data structures"; break;
        case AMDSMI_STATUS_NOT_FOUND: *status_string = "AMDSMI_STATUS_NOT_FOUND: Processor Not found"; break;
        case AMDSMI_STATUS_NOT_INIT: *status_string = "AMDSMI_STATUS_NOT_INIT: Processor not initialized"; break;
        case AMDSMI_STATUS_DRIVER_NOT_LOADED: *status_string = "AMDSMI_STATUS_DRIVER_NOT_LOADED: Processor driver not loaded"; break;
        default: *status_string = "AMDSMI_STATUS_UNKNOWN_ERROR: An unknown error occurred"; break;
    }
    return AMDSMI_STATUS_SUCCESS;
}

/* One socket holding every GPU (real systems have one per physical package; WattIQ walks them all). */
amdsmi_status_t amdsmi_get_socket_handles(uint32_t *socket_count, amdsmi_socket_handle *socket_handles) {
    if (!initialized) return AMDSMI_STATUS_NOT_INIT;
    if (!socket_count) return AMDSMI_STATUS_INVAL;
    if (!socket_handles) { *socket_count = 1; return AMDSMI_STATUS_SUCCESS; }
    if (*socket_count < 1) return AMDSMI_STATUS_INVAL;
    socket_handles[0] = &socket_token;
    *socket_count = 1;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_get_processor_handles(amdsmi_socket_handle socket_handle, uint32_t *processor_count,
                                             amdsmi_processor_handle *processor_handles) {
    if (!initialized) return AMDSMI_STATUS_NOT_INIT;
    refresh();
    if (!processor_count || socket_handle != &socket_token) return AMDSMI_STATUS_INVAL;
    if (!processor_handles) { *processor_count = (uint32_t)ngpu; return AMDSMI_STATUS_SUCCESS; }
    uint32_t n = *processor_count < (uint32_t)ngpu ? *processor_count : (uint32_t)ngpu;
    for (uint32_t i = 0; i < n; i++) processor_handles[i] = &gpus[i];
    *processor_count = n;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_get_processor_type(amdsmi_processor_handle h, processor_type_t *processor_type) {
    if (!initialized) return AMDSMI_STATUS_NOT_INIT;
    if (!processor_type) return AMDSMI_STATUS_INVAL;
    *processor_type = AMDSMI_PROCESSOR_TYPE_AMD_GPU;
    (void)h;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_get_gpu_asic_info(amdsmi_processor_handle h, amdsmi_asic_info_t *info) {
    struct stub_gpu *g;
    amdsmi_status_t r = check(h, &g, info != NULL);
    if (r) return r;
    memset(info, 0, sizeof *info);
    snprintf(info->market_name, sizeof info->market_name, "%s", g->name);
    info->vendor_id = 0x1002;
    snprintf(info->vendor_name, sizeof info->vendor_name, "Advanced Micro Devices Inc. [AMD/ATI]");
    info->oam_id = 0xFFFFFFFF;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_get_gpu_device_uuid(amdsmi_processor_handle h, unsigned int *uuid_length, char *uuid) {
    struct stub_gpu *g;
    amdsmi_status_t r = check(h, &g, uuid_length && uuid);
    if (r) return r;
    if (*uuid_length < strlen(g->uuid) + 1) return AMDSMI_STATUS_INVAL;
    strcpy(uuid, g->uuid);
    *uuid_length = (unsigned)strlen(g->uuid) + 1;
    return AMDSMI_STATUS_SUCCESS;
}

/* The GPU's VRAM total (or, with used, the part in use). */
static amdsmi_status_t vram(amdsmi_processor_handle h, amdsmi_memory_type_t mem_type, uint64_t *out, int used) {
    struct stub_gpu *g;
    amdsmi_status_t r = check(h, &g, out != NULL);
    if (r) return r;
    if (mem_type != AMDSMI_MEM_TYPE_VRAM) return AMDSMI_STATUS_NOT_SUPPORTED;
    *out = used ? g->vram_used : g->vram_total;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_get_gpu_memory_total(amdsmi_processor_handle h, amdsmi_memory_type_t mem_type, uint64_t *total) {
    return vram(h, mem_type, total, 0);
}

amdsmi_status_t amdsmi_get_gpu_memory_usage(amdsmi_processor_handle h, amdsmi_memory_type_t mem_type, uint64_t *used) {
    return vram(h, mem_type, used, 1);
}

/* Unsupported members are set to UINT32_MAX (or UINT64_MAX), as amdsmi.h says. */
amdsmi_status_t amdsmi_get_power_info(amdsmi_processor_handle h, amdsmi_power_info_t *info) {
    struct stub_gpu *g;
    amdsmi_status_t r = check(h, &g, info != NULL);
    if (r) return r;
    memset(info, 0xff, sizeof *info);
    if (g->power_field == 2) return AMDSMI_STATUS_NOT_SUPPORTED;
    if (g->power_field == 0) { info->current_socket_power = g->power_w; info->socket_power = g->power_w; }
    else info->average_socket_power = g->power_w;
    info->power_limit = g->cap_w ? g->cap_w : 0xFFFFFFFF;
    return AMDSMI_STATUS_SUCCESS;
}

amdsmi_status_t amdsmi_get_power_cap_info(amdsmi_processor_handle h, uint32_t sensor_ind, amdsmi_power_cap_info_t *info) {
    struct stub_gpu *g;
    amdsmi_status_t r = check(h, &g, info && sensor_ind == 0);
    if (r) return r;
    if (!g->cap_w) return AMDSMI_STATUS_NOT_SUPPORTED;
    memset(info, 0, sizeof *info);
    info->power_cap = (uint64_t)g->cap_w * 1000000ULL;
    info->default_power_cap = info->power_cap;
    info->min_power_cap = (uint64_t)g->min_cap_w * 1000000ULL;
    info->max_power_cap = (uint64_t)g->max_cap_w * 1000000ULL;
    return AMDSMI_STATUS_SUCCESS;
}

#ifndef STUB_NO_ENERGY
amdsmi_status_t amdsmi_get_energy_count(amdsmi_processor_handle h, uint64_t *power, float *counter_resolution, uint64_t *timestamp) {
    struct stub_gpu *g;
    amdsmi_status_t r = check(h, &g, power && counter_resolution && timestamp);
    if (r) return r;
    if (!g->has_energy) return AMDSMI_STATUS_NOT_SUPPORTED;
    *counter_resolution = g->resolution;
    *power = (uint64_t)(g->energy_uj / g->resolution);
    *timestamp = (uint64_t)(now_ms() * 1e6);
    return AMDSMI_STATUS_SUCCESS;
}
#endif

#ifndef STUB_NO_PROCESSES
/* With *max_processes too small (0 and a NULL list to ask), it says how many and returns OUT_OF_RESOURCES. */
amdsmi_status_t amdsmi_get_gpu_process_list(amdsmi_processor_handle h, uint32_t *max_processes, amdsmi_proc_info_t *list) {
    struct stub_gpu *g;
    amdsmi_status_t r = check(h, &g, max_processes != NULL);
    if (r) return r;
    if (!g->procs_ok) return AMDSMI_STATUS_NOT_SUPPORTED;
    uint32_t have = *max_processes;
    uint32_t n = (uint32_t)g->nproc;
    *max_processes = n;
    if (have < n || (!list && n > 0)) return AMDSMI_STATUS_OUT_OF_RESOURCES;
    for (uint32_t k = 0; k < n; k++) {
        memset(&list[k], 0, sizeof list[k]);
        snprintf(list[k].name, sizeof list[k].name, "proc%u", g->procs[k].pid);
        list[k].pid = g->procs[k].pid;
        list[k].mem = g->procs[k].mem;
        list[k].engine_usage.gfx = (uint64_t)g->procs[k].gfx_ns;
        list[k].memory_usage.vram_mem = g->procs[k].mem;
    }
    return AMDSMI_STATUS_SUCCESS;
}
#endif

/* Not part of AMD SMI: the C compiler's view of the structs, for the test that checks WattIQ's layouts against it. */
long wattiq_stub_layout(int what) {
    switch (what) {
        case 0: return (long)sizeof(amdsmi_asic_info_t);
        case 1: return (long)sizeof(amdsmi_power_info_t);
        case 2: return (long)__builtin_offsetof(amdsmi_power_info_t, current_socket_power);
        case 3: return (long)__builtin_offsetof(amdsmi_power_info_t, average_socket_power);
        case 4: return (long)__builtin_offsetof(amdsmi_power_info_t, power_limit);
        case 5: return (long)sizeof(amdsmi_power_cap_info_t);
        case 6: return (long)__builtin_offsetof(amdsmi_power_cap_info_t, max_power_cap);
        case 7: return (long)sizeof(amdsmi_proc_info_t);
        case 8: return (long)__builtin_offsetof(amdsmi_proc_info_t, pid);
        case 9: return (long)__builtin_offsetof(amdsmi_proc_info_t, mem);
        case 10: return (long)__builtin_offsetof(amdsmi_proc_info_t, engine_usage.gfx);
        case 11: return (long)__builtin_offsetof(amdsmi_proc_info_t, memory_usage.vram_mem);
        default: return -1;
    }
}
