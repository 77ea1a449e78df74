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
 * "ferry-bench: main-loop longest-ms=… over-8ms=… turns=…". Without the variable nothing is
 * installed.
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ferry-cli-private.h"

#define SLOW_TURN_US 8000

static GPollFunc poll_func;          /* the context's own */
static gint64    turn_start;         /* monotonic µs when the last poll returned; 0 before */
static gint64    longest_turn;
static guint     slow_turns;
static guint     turns;

static gint
timed_poll (GPollFD *fds,
            guint    nfds,
            gint     timeout)
{
  gint result;

  if (turn_start != 0)
    {
      gint64 spent = g_get_monotonic_time () - turn_start;

      longest_turn = MAX (longest_turn, spent);
      slow_turns += spent > SLOW_TURN_US;
      turns++;
    }
  result = poll_func (fds, nfds, timeout);
  turn_start = g_get_monotonic_time ();
  return result;
}

static void
report (void)
{
  fprintf (stderr, "ferry-bench: main-loop longest-ms=%.2f over-8ms=%u turns=%u\n",
           longest_turn / 1000.0, slow_turns, turns);
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
