/* ferry-cli-output.c: what ferry-cli prints, made safe, and never a silent wait
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything ferry-cli prints through g_print() and g_printerr() passes ferry_safe_text(): a
 * server's text cannot move the cursor, clear the screen or retitle the terminal, even where a
 * print forgot to wrap it. Where a server's text sits in one line of Ferry's (a display name, a
 * version), ferry_cli_safe() also turns its newlines into spaces, so that it cannot print a line
 * of its own. Ferry's own terminal codes (the progress line) go through ferry_cli_clear_line().
 *
 * Every request any SoupSession queues is watched: when a server has not answered for a few
 * seconds, a line on standard error says which server Ferry waits for and how long it has.
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ferry-cli-output.h"
#include "ferry-safe-text.h"

/* Safe copies for the arguments of one print: a ring, so that call sites need not free. */
#define N_SAFE 32
static char *safe_ring[N_SAFE];
static guint safe_next;

static const char *
keep (char *text)
{
  g_free (safe_ring[safe_next]);
  safe_ring[safe_next] = text;
  safe_next = (safe_next + 1) % N_SAFE;
  return text;
}

/**
 * ferry_cli_safe:
 * @text: (nullable): one line of a server's text
 *
 * Returns: (transfer none): @text safe to print in a line of Ferry's (valid for the next 31
 * calls); "" for %NULL.
 */
const char *
ferry_cli_safe (const char *text)
{
  return keep (ferry_safe_text (text, -1, FERRY_SAFE_TEXT_LINE));
}

/* The same, for text of several lines (a note). */
const char *
ferry_cli_safe_lines (const char *text)
{
  return keep (ferry_safe_text (text, -1, FERRY_SAFE_TEXT_KEEP_NEWLINES));
}

static void
put (FILE       *stream,
     const char *utf8)
{
  const char *charset;

  if (g_get_console_charset (&charset))
    fputs (utf8, stream);
  else
    {
      g_autofree char *converted = g_convert_with_fallback (utf8, -1, charset, "UTF-8", "?",
                                                            NULL, NULL, NULL);

      fputs (converted != NULL ? converted : utf8, stream);
    }
  fflush (stream);
}

static void
print_safe (const char *string)
{
  g_autofree char *safe = ferry_safe_text (string, -1, FERRY_SAFE_TEXT_KEEP_NEWLINES);

  put (stdout, safe);
}

static void
printerr_safe (const char *string)
{
  g_autofree char *safe = ferry_safe_text (string, -1, FERRY_SAFE_TEXT_KEEP_NEWLINES);

  put (stderr, safe);
}

/* JSON as json-glib writes it: C1 and bidi controls inside strings become \uXXXX escapes, so
 * that the JSON means the same and the terminal shows it as it is. */
void
ferry_cli_print_json (const char *json)
{
  g_autofree char *safe = ferry_safe_text (json, -1, FERRY_SAFE_TEXT_JSON);

  fputs (safe, stdout);
  fputs ("\n", stdout);
  fflush (stdout);
}

/* Ferry's own: back to the start of the line and erase it (the progress line), on a terminal. */
void
ferry_cli_clear_line (void)
{
  fputs ("\r\033[K", stdout);
  fflush (stdout);
}

/* Waiting for servers */

typedef struct
{
  char   *host;          /* owned */
  guint   pending;       /* requests sent and not answered */
  gint64  quiet_since;   /* since when nothing came from it while something was pending */
  gint64  next_notice;   /* µs of quiet at which to say so again */
  gboolean announced;
} HostWait;

typedef struct
{
  SoupMessage *msg;      /* owned */
  HostWait    *host;     /* unowned */
  gboolean     answered;
} InFlight;

static GHashTable *hosts;       /* host → HostWait* */
static GHashTable *in_flight;   /* SoupMessage* → InFlight* */
static gint64 notice_after = 5 * G_USEC_PER_SEC;
static guint  give_up;   /* seconds; 0: not known */
static guint check_source;      /* runs while any request is in flight */

static gboolean check_waits (gpointer user_data);

static void
host_wait_free (HostWait *wait)
{
  g_free (wait->host);
  g_free (wait);
}

static char *
message_host (SoupMessage *msg)
{
  GUri *uri = soup_message_get_uri (msg);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  int port = uri ? g_uri_get_port (uri) : -1;

  g_autofree char *name = NULL;

  if (host == NULL)
    return g_strdup ("?");
  name = strchr (host, ':') != NULL ? g_strdup_printf ("[%s]", host) : g_strdup (host);   /* IPv6 */
  if (port > 0 && port != 443 && port != 80)
    return g_strdup_printf ("%s:%d", name, port);
  return g_steal_pointer (&name);
}

static void
notice (const char *text)
{
  if (isatty (STDERR_FILENO))
    fputs ("\r\033[K", stderr);
  printerr_safe (text);
}

static void
host_heard (HostWait *wait)
{
  gint64 now = g_get_monotonic_time ();

  if (wait->announced)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a server, %d seconds */
      text = g_strdup_printf (_("%s answered after %d s.\n"), ferry_cli_safe (wait->host),
                              (int) ((now - wait->quiet_since) / G_USEC_PER_SEC));
      notice (text);
    }
  wait->quiet_since = now;
  wait->next_notice = notice_after;
  wait->announced = FALSE;
}

static void
got_headers (SoupMessage *msg,
             InFlight    *flight)
{
  if (flight->answered)
    return;
  flight->answered = TRUE;
  flight->host->pending--;
  host_heard (flight->host);
}

static void
restarted (SoupMessage *msg,
           InFlight    *flight)
{
  /* A redirect or an authentication: the same message goes again, and waits again. */
  if (!flight->answered)
    return;
  flight->answered = FALSE;
  if (flight->host->pending++ == 0)
    flight->host->quiet_since = g_get_monotonic_time ();
}

static gboolean
request_queued (GSignalInvocationHint *hint,
                guint                  n_params,
                const GValue          *params,
                gpointer               user_data)
{
  SoupMessage *msg = g_value_get_object (&params[1]);
  g_autofree char *host = NULL;
  InFlight *flight;
  HostWait *wait;

  if (msg == NULL || g_hash_table_contains (in_flight, msg))
    return TRUE;
  host = message_host (msg);
  wait = g_hash_table_lookup (hosts, host);
  if (wait == NULL)
    {
      wait = g_new0 (HostWait, 1);
      wait->host = g_steal_pointer (&host);
      wait->next_notice = notice_after;
      g_hash_table_insert (hosts, wait->host, wait);
    }
  if (wait->pending++ == 0)
    {
      wait->quiet_since = g_get_monotonic_time ();
      wait->next_notice = notice_after;
      wait->announced = FALSE;
    }
  flight = g_new0 (InFlight, 1);
  flight->msg = g_object_ref (msg);
  flight->host = wait;
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers), flight);
  g_signal_connect (msg, "restarted", G_CALLBACK (restarted), flight);
  g_hash_table_insert (in_flight, msg, flight);
  if (check_source == 0)
    check_source = g_timeout_add ((guint) CLAMP (notice_after / 1000 / 4, 20, 250),
                                  check_waits, NULL);
  return TRUE;
}

static gboolean
request_unqueued (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               user_data)
{
  SoupMessage *msg = g_value_get_object (&params[1]);
  InFlight *flight = msg ? g_hash_table_lookup (in_flight, msg) : NULL;

  if (flight == NULL)
    return TRUE;
  g_signal_handlers_disconnect_by_data (msg, flight);
  if (!flight->answered && --flight->host->pending == 0)
    {
      /* It failed or was given up: what happened is the command's to say. */
      flight->host->announced = FALSE;
      flight->host->next_notice = notice_after;
    }
  g_hash_table_remove (in_flight, msg);
  g_object_unref (flight->msg);
  g_free (flight);
  if (g_hash_table_size (in_flight) == 0)
    g_clear_handle_id (&check_source, g_source_remove);
  return TRUE;
}

static gboolean
check_waits (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  HostWait *wait;

  g_hash_table_iter_init (&iter, hosts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &wait))
    {
      gint64 quiet = now - wait->quiet_since;
      g_autofree char *text = NULL;

      if (wait->pending == 0 || quiet < wait->next_notice)
        continue;
      if (give_up > 0)
        /* Translators: "Waiting for example.org to answer (7 s; Ferry gives up after 20 s)…" */
        text = g_strdup_printf (_("Waiting for %s to answer (%u s; Ferry gives up after %u s)…\n"),
                                ferry_cli_safe (wait->host), (guint) (quiet / G_USEC_PER_SEC),
                                give_up);
      else
        /* Translators: %s is a server, %d the seconds it has not answered for */
        text = g_strdup_printf (_("Waiting for %s to answer (%d s)…\n"),
                                ferry_cli_safe (wait->host), (int) (quiet / G_USEC_PER_SEC));
      notice (text);
      wait->announced = TRUE;
      /* Again at twice the time, then every minute. */
      wait->next_notice = wait->next_notice < 60 * G_USEC_PER_SEC
                            ? MIN (wait->next_notice * 2, 60 * G_USEC_PER_SEC)
                            : wait->next_notice + 60 * G_USEC_PER_SEC;
    }
  return G_SOURCE_CONTINUE;
}

/**
 * ferry_cli_output_set_give_up:
 * @seconds: how long the command gives a server before it gives up; 0: not known
 *
 * The waiting lines then say it too.
 */
void
ferry_cli_output_set_give_up (guint seconds)
{
  give_up = seconds;
}

/* Called once, first thing: the safe print handlers and the watch on every request. */
void
ferry_cli_output_init (void)
{
  const char *ms = g_getenv ("FERRY_CLI_WAIT_NOTICE_MS");   /* tests: a shorter wait */
  gpointer session_class = g_type_class_ref (SOUP_TYPE_SESSION);

  g_set_print_handler (print_safe);
  g_set_printerr_handler (printerr_safe);

  if (ms != NULL && g_ascii_strtoull (ms, NULL, 10) > 0)
    notice_after = (gint64) g_ascii_strtoull (ms, NULL, 10) * 1000;
  hosts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) host_wait_free);
  in_flight = g_hash_table_new (NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("request-queued", SOUP_TYPE_SESSION), 0,
                              request_queued, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("request-unqueued", SOUP_TYPE_SESSION), 0,
                              request_unqueued, NULL, NULL);
  (void) session_class;   /* kept: the signals stay registered */
}
