/* test-rate-limiter.c: the limiter on a fake clock, against a simulated budget
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A simulated server with Mastodon's budget (300 per 5 minutes, windows aligned to the epoch)
 * answers after a second; a simulated client keeps four requests in flight and waits as long
 * as the limiter says. Every run is bounded in steps: a limiter that waits for ever fails the
 * test instead of hanging it.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ferry-client.h"
#include "ferry-rate-limiter.h"
#include "ferry-tls-database.h"
#include "fedisim.h"

#define WINDOW      300
#define LIMIT       300
#define IN_FLIGHT   4
#define MAX_STEPS   20000   /* virtual seconds: more than five hours */

typedef enum
{
  SKEW_NONE,
  SKEW_AHEAD,      /* one answer's Date an hour ahead */
  SKEW_BEHIND,     /* an hour behind */
  SKEW_GARBAGE,    /* a Date that is no date */
  SKEW_LOST,       /* the probe of a new window never comes back */
} Skew;

typedef struct
{
  gint64   due;
  guint    status;
  gint64   date;
  guint    remaining;
  gint64   reset;
  int      skewed;   /* Skew */
  gboolean lost;
} Answer;

typedef struct
{
  gint64            local;       /* the fake local clock; the server's is the same */
  FerryRateLimiter *limiter;
  GQueue            in_flight;   /* Answer* */
  gint64            window;
  guint             used;
  guint             sent;
  guint             answered;
  guint             refused;     /* 429s: what the limiter should have prevented */
  gint64            max_wait;
} Sim;

static gint64
sim_clock (gpointer user_data)
{
  return ((Sim *) user_data)->local;
}

static void
sim_init (Sim *sim)
{
  memset (sim, 0, sizeof *sim);
  /* Some way into a window, as a real start is. */
  sim->local = 1764633600 + 123;
  sim->limiter = ferry_rate_limiter_new ();
  ferry_rate_limiter_set_clock (sim->limiter, sim_clock, sim);
  ferry_rate_limiter_set_paging_budget (sim->limiter, 0, 0);
  g_queue_init (&sim->in_flight);
}

static void
sim_clear (Sim *sim)
{
  g_queue_clear_full (&sim->in_flight, g_free);
  g_clear_object (&sim->limiter);
}

/* The server takes a request now and answers a second later. */
static Answer *
sim_send (Sim *sim)
{
  Answer *answer = g_new0 (Answer, 1);
  gint64 window = sim->local / WINDOW;

  if (window != sim->window)
    {
      sim->window = window;
      sim->used = 0;
    }
  if (sim->used >= LIMIT)
    {
      answer->status = 429;
      sim->refused++;
    }
  else
    {
      answer->status = 200;
      sim->used++;
    }
  answer->due = sim->local + 1;
  answer->date = sim->local;
  answer->remaining = LIMIT - sim->used;
  answer->reset = (window + 1) * WINDOW;
  sim->sent++;
  g_queue_push_tail (&sim->in_flight, answer);
  return answer;
}

static void
sim_answer (Sim    *sim,
            Answer *answer)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GDateTime) reset = g_date_time_new_from_unix_utc (answer->reset);
  g_autofree char *reset_text = g_date_time_format_iso8601 (reset);
  g_autofree char *remaining = g_strdup_printf ("%u", answer->remaining);

  if (answer->skewed == SKEW_GARBAGE)
    soup_message_headers_replace (headers, "Date", "garbage, 99 Foo 20x6 25:61:61 XYZ");
  else
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (answer->date);
      g_autofree char *text = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S GMT");

      soup_message_headers_replace (headers, "Date", text);
    }
  soup_message_headers_replace (headers, "X-RateLimit-Limit", "300");
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset_text);
  ferry_rate_limiter_update (sim->limiter, answer->status, headers);
  sim->answered++;
}

/* Runs @n requests. Returns the virtual seconds it took, or -1 when it did not end within
 * MAX_STEPS. @skew_at: the answer (by number) that is skewed. */
static gint64
sim_run (Sim  *sim,
         guint n,
         Skew  skew,
         guint skew_at)
{
  gint64 start = sim->local;
  gint64 next_try = sim->local;
  gboolean probe_lost = FALSE;

  for (guint step = 0; step < MAX_STEPS; step++)
    {
      /* Answers due now. */
      while (!g_queue_is_empty (&sim->in_flight) &&
             ((Answer *) g_queue_peek_head (&sim->in_flight))->due <= sim->local)
        {
          g_autofree Answer *answer = g_queue_pop_head (&sim->in_flight);

          if (answer->lost)
            continue;   /* a dropped connection: no answer at all */
          if (skew != SKEW_NONE && skew != SKEW_LOST && sim->answered + 1 == skew_at)
            {
              answer->skewed = skew;
              if (skew == SKEW_AHEAD)
                answer->date += 3600;
              else if (skew == SKEW_BEHIND)
                answer->date -= 3600;
            }
          sim_answer (sim, answer);
        }

      if (sim->answered >= n && g_queue_is_empty (&sim->in_flight))
        return sim->local - start;

      /* Requests, as long as the limiter lets them go. */
      while (sim->local >= next_try && sim->sent < n &&
             g_queue_get_length (&sim->in_flight) < IN_FLIGHT)
        {
          gint64 wait = ferry_rate_limiter_reserve (sim->limiter, FALSE);

          if (wait > 0)
            {
              sim->max_wait = MAX (sim->max_wait, wait);
              next_try = sim->local + wait;
              break;
            }
          {
            Answer *answer = sim_send (sim);

            /* The first request of the second window is the probe: its connection drops. */
            if (skew == SKEW_LOST && !probe_lost && sim->local / WINDOW > start / WINDOW)
              {
                answer->lost = TRUE;
                probe_lost = TRUE;
                sim->answered++;   /* the client gives up on it (its own error path) */
              }
          }
        }

      sim->local++;
    }
  return -1;
}

static void
test_budget_kept (void)
{
  Sim sim;
  gint64 took;

  sim_init (&sim);
  took = sim_run (&sim, 1000, SKEW_NONE, 0);
  g_test_message ("1000 requests: %" G_GINT64_FORMAT " virtual seconds, longest wait %"
                  G_GINT64_FORMAT " s", took, sim.max_wait);
  g_assert_cmpint (took, >, 0);
  /* 1000 at 300 per window: the fourth window, not later. */
  g_assert_cmpint (took, <=, 4 * WINDOW);
  g_assert_cmpuint (sim.refused, ==, 0);
  g_assert_cmpint (sim.max_wait, <=, WINDOW + 1);
  sim_clear (&sim);
}

/* One skewed Date, ahead, behind or garbage, anywhere in a window: the run still ends, in
 * about the time it takes without it, and no request is refused. */
static void
test_skewed_date (gconstpointer data)
{
  Skew skew = GPOINTER_TO_INT (data);
  /* Early in the first window, just before its budget is spent, and at the last request. */
  guint where[] = { 20, 170, 290, 298, 300, 450, 600 };

  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    {
      Sim sim;
      gint64 took;

      sim_init (&sim);
      took = sim_run (&sim, 900, skew, where[i]);
      g_test_message ("skew %d at answer %u: %" G_GINT64_FORMAT " virtual seconds, %u sent, "
                      "longest wait %" G_GINT64_FORMAT " s",
                      skew, where[i], took, sim.sent, sim.max_wait);
      g_assert_cmpint (took, >, 0);
      g_assert_cmpint (took, <=, 4 * WINDOW);
      g_assert_cmpuint (sim.refused, ==, 0);
      g_assert_cmpint (sim.max_wait, <=, WINDOW + 1);
      sim_clear (&sim);
    }
}

/* The probe of a new window whose connection drops gives no answer: the limiter does not
 * wait for it for ever. */
static void
test_lost_probe (void)
{
  Sim sim;
  gint64 took;

  sim_init (&sim);
  took = sim_run (&sim, 700, SKEW_LOST, 0);
  g_test_message ("a lost probe: %" G_GINT64_FORMAT " virtual seconds", took);
  g_assert_cmpint (took, >, 0);
  g_assert_cmpint (took, <=, 3 * WINDOW + 60);
  g_assert_cmpuint (sim.refused, ==, 0);
  sim_clear (&sim);
}

/* An answer with only a Date, or with a reset @reset_in seconds after it too. */
static void
answer_with (FerryRateLimiter *limiter,
             gint64            date,
             gint64            reset_in)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (date);
  g_autofree char *text = g_date_time_format (time, "%a, %d %b %Y %H:%M:%S GMT");

  soup_message_headers_replace (headers, "Date", text);
  if (reset_in != 0)
    {
      g_autoptr(GDateTime) reset = g_date_time_new_from_unix_utc (date + reset_in);
      g_autofree char *reset_text = g_date_time_format_iso8601 (reset);

      soup_message_headers_replace (headers, "X-RateLimit-Limit", "300");
      soup_message_headers_replace (headers, "X-RateLimit-Remaining", "299");
      soup_message_headers_replace (headers, "X-RateLimit-Reset", reset_text);
    }
  ferry_rate_limiter_update (limiter, 200, headers);
}

static void
answer_at (FerryRateLimiter *limiter,
           gint64            date)
{
  answer_with (limiter, date, 0);
}

/* One answer moves the clock a few seconds at most; a jump needs answers in a row. */
static void
test_clock_bounded (void)
{
  Sim sim;
  gint64 now;

  sim_init (&sim);
  answer_at (sim.limiter, sim.local);
  now = ferry_rate_limiter_get_server_now (sim.limiter);
  g_assert_cmpint (now, ==, sim.local);

  answer_at (sim.limiter, sim.local + 3600);
  g_assert_cmpint (ABS (ferry_rate_limiter_get_server_now (sim.limiter) - now), <=, 5);
  answer_at (sim.limiter, sim.local - 3600);
  g_assert_cmpint (ABS (ferry_rate_limiter_get_server_now (sim.limiter) - now), <=, 5);
  answer_at (sim.limiter, sim.local + 2);
  g_assert_cmpint (ferry_rate_limiter_get_server_now (sim.limiter), ==, sim.local + 2);

  /* The server's clock really moved ahead (or a test moved it): two answers in a row. */
  answer_at (sim.limiter, sim.local + 86400);
  g_assert_cmpint (ferry_rate_limiter_get_server_now (sim.limiter), ==, sim.local + 2);
  answer_at (sim.limiter, sim.local + 86401);
  g_assert_cmpint (ferry_rate_limiter_get_server_now (sim.limiter), ==, sim.local + 86401);

  /* Four answers written before a wait on a virtual clock (as many as are in flight) do not
   * take it back; five in a row do. */
  for (guint i = 0; i < 4; i++)
    {
      answer_at (sim.limiter, sim.local + 2 + (i % 2));
      g_assert_cmpint (ferry_rate_limiter_get_server_now (sim.limiter), ==, sim.local + 86401);
    }
  answer_at (sim.limiter, sim.local + 3);
  g_assert_cmpint (ferry_rate_limiter_get_server_now (sim.limiter), ==, sim.local + 3);

  /* An answer whose reset agrees with its Date vouches for a jump ahead at once; an hour
   * ahead with the true reset (an hour behind it) does not. */
  answer_with (sim.limiter, sim.local + 3603, -3500);
  g_assert_cmpint (ferry_rate_limiter_get_server_now (sim.limiter), ==, sim.local + 3);
  answer_at (sim.limiter, sim.local + 4);
  answer_with (sim.limiter, sim.local + 7 * 86400, 120);
  g_assert_cmpint (ferry_rate_limiter_get_server_now (sim.limiter), ==, sim.local + 7 * 86400);
  sim_clear (&sim);
}

/* End to end: FerryClient against fedisim (Mastodon), one answer's Date skewed by a fault,
 * more requests than one window allows. Bounded in real time. */
typedef struct
{
  FedisimWorld  *world;
  FedisimServer *server;
  guint          done;
  guint          failed;
  guint          skew_at;
  gint           skew;
  gboolean       timed_out;
} E2e;

static void
e2e_waiting (FerryClient *client,
             gint64       seconds,
             E2e         *e)
{
  FerryRateLimiter *limiter = ferry_client_get_rate_limiter (client);
  gint64 wake = ferry_rate_limiter_get_server_now (limiter) + seconds;

  if (wake > fedisim_world_now (e->world))
    fedisim_world_set_time (e->world, wake);
}

static void
e2e_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  E2e *e = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  e->done++;
  if (node == NULL)
    e->failed++;
  if (e->done == e->skew_at)
    fedisim_server_add_fault (e->server, "GET /api/v1/accounts/verify_credentials",
                              FEDISIM_FAULT_SKEWED_DATE, (guint) e->skew, 1);
}

static gboolean
e2e_timeout (gpointer user_data)
{
  ((E2e *) user_data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_fedisim_skewed_date (gconstpointer data)
{
  const guint n = 700;
  E2e e = { 0 };
  g_autoptr(FedisimWorld) world = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *token = NULL;
  gint64 start;
  guint timeout;

  world = fedisim_world_new (&error);
  g_assert_no_error (error);
  e.world = world;
  e.skew = GPOINTER_TO_INT (data);
  e.skew_at = 150;
  e.server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  fedisim_server_add_user (e.server, "alice", "pw");
  token = fedisim_server_issue_token (e.server, "alice", "read");
  trust = ferry_tls_database_new (fedisim_world_get_ca_file (world), &error);
  g_assert_no_error (error);
  client = ferry_client_new (fedisim_server_get_base_url (e.server), trust);
  ferry_client_set_token (client, token);
  ferry_client_set_time_scale (client, 1000.0);
  g_signal_connect (client, "waiting", G_CALLBACK (e2e_waiting), &e);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    ferry_client_call_async (client, "GET", "/api/v1/accounts/verify_credentials", NULL,
                             cancellable, e2e_done, &e);
  timeout = g_timeout_add_seconds (20, e2e_timeout, &e);
  while (e.done < n && !e.timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (e.timed_out)
    {
      g_cancellable_cancel (cancellable);
      while (e.done < n)
        g_main_context_iteration (NULL, TRUE);
    }
  else
    g_source_remove (timeout);

  g_test_message ("%u requests, Date skewed by %d s at the %uth: %s after %" G_GINT64_FORMAT
                  " ms (real), %u failed, %u refused (429)",
                  n, e.skew, e.skew_at, e.timed_out ? "NOT DONE" : "done",
                  (g_get_monotonic_time () - start) / 1000, e.failed,
                  fedisim_server_status_count (e.server, 429));
  g_assert_false (e.timed_out);
  g_assert_cmpuint (e.failed, ==, 0);
  /* What must not happen: a request the budget would refuse, or one sent twice. */
  g_assert_cmpuint (fedisim_server_status_count (e.server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (e.server,
                                                   "GET /api/v1/accounts/verify_credentials"), ==, n);
  g_assert_cmpuint (ferry_client_get_retries (client), ==, 0);
}

/* One answer as Mastodon writes it: the headers of the tightest throttle that counted it. */
static void
answer_throttle (FerryRateLimiter *limiter,
             gint64            date,
             guint             status,
             FerryRateLimits   limits,
             guint             remaining,
             gint64            reset)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_utc (date);
  g_autoptr(GDateTime) reset_time = g_date_time_new_from_unix_utc (reset);
  g_autofree char *date_text = g_date_time_format (date_time, "%a, %d %b %Y %H:%M:%S GMT");
  g_autofree char *reset_text = g_date_time_format (reset_time, "%Y-%m-%dT%H:%M:%S.000000Z");
  g_autofree char *remaining_text = g_strdup_printf ("%u", remaining);

  soup_message_headers_replace (headers, "Date", date_text);
  soup_message_headers_replace (headers, "X-RateLimit-Limit", "300");
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining_text);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset_text);
  ferry_rate_limiter_update_for (limiter, limits, status, headers);
}

/* Which throttles count what, as mastodon config/initializers/rack_attack.rb says. */
static void
test_limits_for_request (void)
{
  static const struct { const char *method; const char *url; FerryRateLimits limits; } cases[] = {
    { "GET", "https://a.example/api/v1/accounts/1/following?limit=80", FERRY_RATE_LIMIT_API },
    { "GET", "https://a.example/api/v1/accounts/1/following?limit=80&max_id=5",
      FERRY_RATE_LIMIT_API | FERRY_RATE_LIMIT_PAGING },
    { "GET", "https://a.example/api/v1/bookmarks?min_id=5", FERRY_RATE_LIMIT_API |
      FERRY_RATE_LIMIT_PAGING },
    { "GET", "https://a.example/api/v1/notifications?since_id=1", FERRY_RATE_LIMIT_API |
      FERRY_RATE_LIMIT_PAGING },
    { "GET", "https://a.example/api/v2/search?q=a&page=2", FERRY_RATE_LIMIT_API |
      FERRY_RATE_LIMIT_PAGING },
    /* present?: an empty value is no page; a key that only ends like one is none */
    { "GET", "https://a.example/api/v1/bookmarks?max_id=", FERRY_RATE_LIMIT_API },
    { "GET", "https://a.example/api/v1/bookmarks?xmax_id=5", FERRY_RATE_LIMIT_API },
    { "GET", "https://a.example/api/v1/accounts/relationships?id[]=1&id[]=2",
      FERRY_RATE_LIMIT_API },
    { "POST", "https://a.example/api/v1/media", FERRY_RATE_LIMIT_API | FERRY_RATE_LIMIT_MEDIA },
    { "POST", "https://a.example/api/v2/media", FERRY_RATE_LIMIT_API | FERRY_RATE_LIMIT_MEDIA },
    { "PUT", "https://a.example/api/v1/media/5", FERRY_RATE_LIMIT_API },
    { "GET", "https://a.example/api/v2/media", FERRY_RATE_LIMIT_API },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s %s", cases[i].method, cases[i].url);
      g_assert_cmpint (ferry_rate_limits_for_request (cases[i].method, cases[i].url), ==,
                       cases[i].limits);
    }
}

/* The paging throttle's answer does not stand for the token's budget: a page that shows it
 * nearly spent leaves the calls that are no page going, and a later answer of the token's
 * 5-minute window (its reset earlier) is still learnt. */
static void
test_separate_budgets (void)
{
  Sim sim;
  const gint64 base = 1764633600;   /* aligned to 15 minutes */
  FerryRateLimits page = FERRY_RATE_LIMIT_API | FERRY_RATE_LIMIT_PAGING;

  sim_init (&sim);
  ferry_rate_limiter_set_paging_budget (sim.limiter, 300, 15 * 60);
  sim.local = base + 400;

  /* The token's window (ending at +600) has 200 left. */
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API), ==, 0);
  answer_throttle (sim.limiter, sim.local, 200, FERRY_RATE_LIMIT_API, 200, base + 600);

  /* A page: its answer shows the paging throttle (ends at +900) with one left. */
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, page), ==, 0);
  answer_throttle (sim.limiter, sim.local, 200, page, 1, base + 900);

  /* One page more goes; then pages wait for the paging window, calls that are no page don't. */
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, page), ==, 0);
  answer_throttle (sim.limiter, sim.local, 200, page, 0, base + 900);
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, page), ==, 500);
  for (guint i = 0; i < 150; i++)
    g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API), ==, 0);

  /* The token's answer, reset at +600, is learnt: it says 10 left (someone else spent some). */
  answer_throttle (sim.limiter, sim.local, 200, FERRY_RATE_LIMIT_API, 10, base + 600);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API), ==, 0);
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API), ==, 201);

  /* A 429 of the paging throttle (its headers: reset at +900) stops pages, not calls. */
  sim.local = base + 601;
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API), ==, 0);
  answer_throttle (sim.limiter, sim.local, 200, FERRY_RATE_LIMIT_API, 299, base + 900);
  answer_throttle (sim.limiter, sim.local, 429, page, 0, base + 900);
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, page), ==, 299);
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API), ==, 0);

  /* The paging window turns: pages go again. */
  sim.local = base + 900;
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, page), ==, 0);

  /* Uploads: 30 per 30 minutes (throttle_api_media), counted here. */
  sim.local = base + 1800;
  for (guint i = 0; i < 30; i++)
    {
      g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API |
                                                                    FERRY_RATE_LIMIT_MEDIA), ==, 0);
      answer_throttle (sim.limiter, sim.local, 200, FERRY_RATE_LIMIT_API | FERRY_RATE_LIMIT_MEDIA,
                   299 - i, base + 2100);
    }
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API |
                                                                FERRY_RATE_LIMIT_MEDIA), ==, 1800);
  g_assert_cmpint (ferry_rate_limiter_reserve_for (sim.limiter, FERRY_RATE_LIMIT_API), ==, 0);
  sim_clear (&sim);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rate-limiter/budget", test_budget_kept);
  g_test_add_func ("/rate-limiter/throttles/limits-for-request", test_limits_for_request);
  g_test_add_func ("/rate-limiter/throttles/separate", test_separate_budgets);
  g_test_add_data_func ("/rate-limiter/skewed-date/ahead", GINT_TO_POINTER (SKEW_AHEAD),
                        test_skewed_date);
  g_test_add_data_func ("/rate-limiter/skewed-date/behind", GINT_TO_POINTER (SKEW_BEHIND),
                        test_skewed_date);
  g_test_add_data_func ("/rate-limiter/skewed-date/garbage", GINT_TO_POINTER (SKEW_GARBAGE),
                        test_skewed_date);
  g_test_add_func ("/rate-limiter/lost-probe", test_lost_probe);
  g_test_add_func ("/rate-limiter/clock-bounded", test_clock_bounded);
  g_test_add_data_func ("/rate-limiter/fedisim/date-ahead", GINT_TO_POINTER (3600),
                        test_fedisim_skewed_date);
  g_test_add_data_func ("/rate-limiter/fedisim/date-behind", GINT_TO_POINTER (-3600),
                        test_fedisim_skewed_date);
  g_test_add_data_func ("/rate-limiter/fedisim/date-garbage", GINT_TO_POINTER (0),
                        test_fedisim_skewed_date);

  return g_test_run ();
}
