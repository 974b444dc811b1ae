/*
 * What the stub vendor libraries share: the stub clock, the control file, the init count and the lost-device rule. Included by stub_nvml.c and
 * stub_amd_smi.c (one translation unit each; everything here is static).
 *
 * The control file is $<ENV>, else "<this library's path>.ctl" (so each test copies the library under its own name and
 * gets its own state), re-read on every call. Each line is a directive and its words; # starts a comment. The
 * directive "time_ms N" (stub time in ms; absent: real time since the library was loaded) is handled here.
 */
#ifndef WATTIQ_STUB_CONTROL_H
#define WATTIQ_STUB_CONTROL_H
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define STUB_DELIMS " \t\r\n"

static long long fixed_time_ms = -1;
static struct timespec loaded;
static char control[4096];
/* Successful inits less shutdowns, counted as the vendors' libraries count them. */
static int initialized;

/* Starts the real stub clock at the first call (library load or init). */
static void start_clock(void) {
    if (!loaded.tv_sec) clock_gettime(CLOCK_MONOTONIC, &loaded);
}

static double now_ms(void) {
    if (fixed_time_ms >= 0) return (double)fixed_time_ms;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - loaded.tv_sec) * 1e3 + (t.tv_nsec - loaded.tv_nsec) / 1e6;
}

/* Whether a device is lost: the control file said "lost 1", or its "lost_after_ms" has passed on the stub clock. */
static int stub_lost(int lost, long long lost_after_ms) {
    return lost || (lost_after_ms >= 0 && now_ms() >= lost_after_ms);
}

/* Ends one init; 0 where none is open (the caller returns its library's "not initialised"). */
static int stub_shut_down(void) {
    if (!initialized) return 0;
    initialized--;
    return 1;
}

static void find_control(const char *env_name) {
    const char *env = getenv(env_name);
    if (env && *env) { snprintf(control, sizeof control, "%s", env); return; }
    Dl_info info;
    if (dladdr((void *)&find_control, &info) && info.dli_fname) snprintf(control, sizeof control, "%s.ctl", info.dli_fname);
}

/* The control file opened for reading, or NULL when there is none. */
static FILE *open_control(const char *env_name) {
    struct stat st;
    if (!control[0]) find_control(env_name);
    if (stat(control, &st) != 0) return NULL;
    return fopen(control, "r");
}

/*
 * The next line's directive (its words follow with strtok(NULL, STUB_DELIMS)), skipping blank and comment lines and
 * applying time_ms; NULL at the end of the file.
 */
static char *next_directive(FILE *f, char *line, int size) {
    while (fgets(line, size, f)) {
        char *hash = strchr(line, '#'); if (hash) *hash = 0;
        char *tok = strtok(line, STUB_DELIMS);
        if (!tok) continue;
        if (!strcmp(tok, "time_ms")) {
            char *v = strtok(NULL, STUB_DELIMS);
            if (v) fixed_time_ms = strtoll(v, NULL, 10);
            continue;
        }
        return tok;
    }
    return NULL;
}

/* The directive's next word; NULL after the last. */
static char *next_word(void) {
    return strtok(NULL, STUB_DELIMS);
}

/* The directive's next word as a device index below max; -1 where there is none or it is out of range. */
static int next_index(int max) {
    char *v = next_word();
    int i = v ? atoi(v) : -1;
    return i >= 0 && i < max ? i : -1;
}

/* The directive's next key=value word: the key, with *value set to the value; NULL after the last (words without '=' are skipped). */
static char *next_pair(char **value) {
    for (char *w; (w = next_word()); ) {
        char *eq = strchr(w, '=');
        if (!eq) continue;
        *eq = 0;
        *value = eq + 1;
        return w;
    }
    return NULL;
}
#endif
