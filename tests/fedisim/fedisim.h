/* fedisim.h: a simulated Fediverse for Ferry's tests
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Several HTTPS servers on loopback in one process, each behaving like Mastodon, GoToSocial
 * or Akkoma as ../shared/reference/api-facts.md describes them, federating with each other
 * in-process, on a virtual clock that tests can move forward.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  FEDISIM_FLAVOUR_MASTODON,
  FEDISIM_FLAVOUR_GOTOSOCIAL,
  FEDISIM_FLAVOUR_AKKOMA,
  FEDISIM_FLAVOUR_LEGACY,     /* Mastodon-like, but its users ignore incoming Move */
} FedisimFlavour;

typedef enum
{
  FEDISIM_FAULT_NONE,
  FEDISIM_FAULT_LATENCY,      /* value: milliseconds before answering */
  FEDISIM_FAULT_STATUS,       /* value: the HTTP status to answer with (a JSON error body) */
  FEDISIM_FAULT_HTML,         /* an HTML error page with status value (or 502) */
  FEDISIM_FAULT_DROP,         /* the connection closes without an answer */
  FEDISIM_FAULT_TRUNCATE,     /* headers promise the whole body; half of it comes, then close */
  FEDISIM_FAULT_SKEWED_DATE,  /* the answer's Date moved by (gint) value seconds; 0: not a date */
} FedisimFault;

typedef struct _FedisimWorld  FedisimWorld;
typedef struct _FedisimServer FedisimServer;

/* The world: clock, CA, servers. */
FedisimWorld   *fedisim_world_new                (GError        **error);
FedisimWorld   *fedisim_world_new_plain_http     (void);
void            fedisim_world_free               (FedisimWorld   *world);
GTlsDatabase   *fedisim_world_get_tls_database   (FedisimWorld   *world);
const char     *fedisim_world_get_ca_file        (FedisimWorld   *world);
gint64          fedisim_world_now                (FedisimWorld   *world);
void            fedisim_world_advance            (FedisimWorld   *world,
                                                  gint64          seconds);
void            fedisim_world_set_time           (FedisimWorld   *world,
                                                  gint64          unix_seconds);
FedisimServer  *fedisim_world_add_server         (FedisimWorld   *world,
                                                  FedisimFlavour  flavour,
                                                  const char     *version,
                                                  GError        **error);
void            fedisim_world_set_limit_factor   (FedisimWorld   *world,
                                                  guint           factor);
FedisimServer  *fedisim_world_find_server        (FedisimWorld   *world,
                                                  const char     *host);
void            fedisim_world_run_until_idle     (FedisimWorld   *world);

/* A server. */
const char     *fedisim_server_get_host          (FedisimServer  *server);
const char     *fedisim_server_get_base_url      (FedisimServer  *server);
FedisimFlavour  fedisim_server_get_flavour       (FedisimServer  *server);
const char     *fedisim_server_get_version       (FedisimServer  *server);
void            fedisim_server_set_authorized_fetch (FedisimServer *server,
                                                  gboolean        enabled);
void            fedisim_server_set_api_gaps      (FedisimServer  *server,
                                                  gboolean        enabled);
void            fedisim_server_set_nodeinfo_href (FedisimServer  *server,
                                                  const char     *href);
void            fedisim_server_add_user          (FedisimServer  *server,
                                                  const char     *username,
                                                  const char     *password);
char           *fedisim_server_issue_token       (FedisimServer  *server,
                                                  const char     *username,
                                                  const char     *scopes);
void            fedisim_server_revoke_tokens     (FedisimServer  *server,
                                                  const char     *username);
void            fedisim_server_stop              (FedisimServer  *server);
gboolean        fedisim_server_restart           (FedisimServer  *server,
                                                  GError        **error);

/* Seeding (handles are user@host; the host is another fedisim server's). */
gboolean        fedisim_server_seed_follow       (FedisimServer  *server,
                                                  const char     *follower,
                                                  const char     *followed_handle,
                                                  GError        **error);
void            fedisim_server_seed_following    (FedisimServer  *server,
                                                  const char     *username,
                                                  guint           n);
void            fedisim_server_seed_fixture      (FedisimServer  *server,
                                                  const char     *username,
                                                  const char     *fixture);
void            fedisim_server_set_profile       (FedisimServer  *server,
                                                  const char     *username,
                                                  const char     *display_name,
                                                  const char     *note);

/* Faults: per route pattern ("GET /api/v1/accounts/:id/following", or "*"), for n answers
 * (0 = until cleared). */
void            fedisim_server_add_fault         (FedisimServer  *server,
                                                  const char     *route,
                                                  FedisimFault    fault,
                                                  guint           value,
                                                  guint           n_times);
void            fedisim_server_clear_faults      (FedisimServer  *server);

/* Inspection. */
guint           fedisim_server_request_count     (FedisimServer  *server,
                                                  const char     *route);
guint           fedisim_server_status_count      (FedisimServer  *server,
                                                  guint           status);
guint           fedisim_server_answer_count      (FedisimServer  *server);
void            fedisim_server_reset_counts      (FedisimServer  *server);
char           *fedisim_server_describe_requests (FedisimServer  *server);
JsonNode       *fedisim_server_dump_account      (FedisimServer  *server,
                                                  const char     *username);

/* Posting (fedisim-posting.c): Mastodon's antispam texts (a post with one that mentions a
 * non-follower is answered with success and dropped), and what was dropped or scheduled. */
void            fedisim_server_add_spam_phrase   (FedisimServer  *server,
                                                  const char     *phrase);
guint           fedisim_server_dropped_count     (FedisimServer  *server);
guint           fedisim_server_scheduled_count   (FedisimServer  *server,
                                                  const char     *username);

/* The scripted browser: does in a page what a person would. */
typedef struct _FedisimBrowser FedisimBrowser;

FedisimBrowser *fedisim_browser_new              (FedisimWorld   *world);
void            fedisim_browser_free             (FedisimBrowser *browser);
void            fedisim_browser_clear_cookies    (FedisimBrowser *browser);
char           *fedisim_browser_authorize        (FedisimBrowser *browser,
                                                  const char     *authorize_url,
                                                  const char     *username,
                                                  const char     *password,
                                                  GError        **error);
char           *fedisim_browser_submit_settings  (FedisimBrowser *browser,
                                                  const char     *page_url,
                                                  const char     *username,
                                                  const char     *password,
                                                  const char    **fields,
                                                  GError        **error);
char           *fedisim_browser_upload_import    (FedisimBrowser *browser,
                                                  const char     *base_url,
                                                  const char     *username,
                                                  const char     *password,
                                                  const char     *type,
                                                  const char     *mode,
                                                  GBytes         *csv,
                                                  GError        **error);
GBytes         *fedisim_browser_download         (FedisimBrowser *browser,
                                                  const char     *url,
                                                  const char     *username,
                                                  const char     *password,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FedisimWorld, fedisim_world_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FedisimBrowser, fedisim_browser_free)

/* Hostile mode (fedisim-hostile.c): per path prefix ("/api/v1/preferences", "/system/media"),
 * answers as a hostile or broken server would, for n answers (0: until cleared); then the
 * server answers as usual again. Rules live as long as the server's listener. */
typedef enum
{
  FEDISIM_HOSTILE_FOREIGN_LINK = 1, /* a page of one account whose Link next is arg */
  FEDISIM_HOSTILE_DEEP_JSON,        /* value levels of nested arrays (200 OK, JSON) */
  FEDISIM_HOSTILE_ENDLESS,          /* chunked JSON that never ends (value > 0: after value B) */
  FEDISIM_HOSTILE_HUGE_FILE,        /* a file of value bytes (Content-Length honest), streamed */
  FEDISIM_HOSTILE_TRICKLE,          /* a chunked JSON answer, one byte every value ms, forever */
  FEDISIM_HOSTILE_LYING_LENGTH,     /* Content-Length value, half of it sent, then silence */
  FEDISIM_HOSTILE_REDIRECT,         /* 302 to arg */
  FEDISIM_HOSTILE_RATE_LIMITED,     /* 429 with X-RateLimit-Reset arg (NULL: none); value > 0:
                                     * Retry-After value */
  FEDISIM_HOSTILE_BODY,             /* 200 with the JSON text arg (wrong types, odd shapes) */
} FedisimHostile;

void            fedisim_server_add_hostile       (FedisimServer  *server,
                                                  const char     *path_prefix,
                                                  FedisimHostile  behaviour,
                                                  guint64         value,
                                                  const char     *arg,
                                                  guint           n_times);
void            fedisim_server_clear_hostile     (FedisimServer  *server);
guint           fedisim_server_hostile_count     (FedisimServer  *server,
                                                  const char     *path_prefix);

/* A sink (fedisim-sink.c): another origin on loopback that records every request it gets, with
 * its headers, and answers 200 "[]" (JSON) to anything. host: "localhost" or "127.0.0.1". */
typedef struct _FedisimSink FedisimSink;

FedisimSink    *fedisim_sink_new                 (FedisimWorld   *world,
                                                  gboolean        https,
                                                  const char     *host,
                                                  GError        **error);
void            fedisim_sink_free                (FedisimSink    *sink);
const char     *fedisim_sink_get_base_url        (FedisimSink    *sink);
guint           fedisim_sink_request_count       (FedisimSink    *sink);
guint           fedisim_sink_header_count        (FedisimSink    *sink,
                                                  const char     *header);
char           *fedisim_sink_describe            (FedisimSink    *sink);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FedisimSink, fedisim_sink_free)

G_END_DECLS
