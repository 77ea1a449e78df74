/* ferry-cli-bench.c: the main loop's longest turn, for tests/bench (FERRY_BENCH_MAIN_LOOP=1)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default context's poll function is wrapped: the time from one poll's return to the next
 * poll is what the thread spent on handlers (the sources dispatched in that turn, and their
 * prepare and check), during which no connection is served. At exit, the longest such turn
 * and how many took over 8 ms go to standard error, in one line the benchmark reads:
 * "ferry-bench: main-loop longest-ms=… over-8ms=… turns=… top=MS@S,… longest-cpu-ms=…
 * cpu-over-8ms=…", top being the five longest turns with the second of the run each ended in.
 * On a loaded machine a turn's wall time includes the time the thread was not running: its
 * CPU time (CLOCK_THREAD_CPUTIME_ID) is what the handlers themselves cost. Without the
 * variable nothing is installed.
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ferry-cli-private.h"

#define SLOW_TURN_US 8000

#define TOP 5

typedef struct
{
  gint64 spent;    /* µs */
  gint64 at;       /* µs since the first poll */
} Turn;

static GPollFunc poll_func;          /* the context's own */
static gint64    first_poll;
static Turn      top[TOP];           /* the longest turns, longest first */
static gint64    turn_start;         /* monotonic µs when the last poll returned; 0 before */
static gint64    turn_cpu_start;     /* the thread's CPU time then, µs */
static gint64    longest_cpu;
static guint     slow_cpu_turns;
static gint64    longest_turn;
static guint     slow_turns;
static guint     turns;

static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gint
timed_poll (GPollFD *fds,
            guint    nfds,
            gint     timeout)
{
  gint result;

  if (turn_start != 0)
    {
      gint64 spent = g_get_monotonic_time () - turn_start;
      gint64 cpu = thread_cpu_us () - turn_cpu_start;

      longest_cpu = MAX (longest_cpu, cpu);
      slow_cpu_turns += cpu > SLOW_TURN_US;

      longest_turn = MAX (longest_turn, spent);
      slow_turns += spent > SLOW_TURN_US;
      turns++;
      for (guint i = 0; i < TOP; i++)
        if (spent > top[i].spent)
          {
            memmove (&top[i + 1], &top[i], (TOP - 1 - i) * sizeof *top);
            top[i] = (Turn) { spent, turn_start + spent - first_poll };
            break;
          }
    }
  else
    first_poll = g_get_monotonic_time ();
  result = poll_func (fds, nfds, timeout);
  turn_start = g_get_monotonic_time ();
  turn_cpu_start = thread_cpu_us ();
  return result;
}

static void
report (void)
{
  fprintf (stderr, "ferry-bench: main-loop longest-ms=%.2f over-8ms=%u turns=%u top=",
           longest_turn / 1000.0, slow_turns, turns);
  for (guint i = 0; i < TOP && top[i].spent > 0; i++)
    fprintf (stderr, "%s%.1f@%.1f", i ? "," : "", top[i].spent / 1000.0,
             top[i].at / (double) G_USEC_PER_SEC);
  fprintf (stderr, " longest-cpu-ms=%.2f cpu-over-8ms=%u\n", longest_cpu / 1000.0,
           slow_cpu_turns);
}

/* Installs the measurement when FERRY_BENCH_MAIN_LOOP is set. */
void
ferry_cli_bench_init (void)
{
  GMainContext *context;

  if (g_getenv ("FERRY_BENCH_MAIN_LOOP") == NULL)
    return;
  context = g_main_context_default ();
  poll_func = g_main_context_get_poll_func (context);
  g_main_context_set_poll_func (context, timed_poll);
  atexit (report);
}
