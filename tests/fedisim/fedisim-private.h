/* fedisim-private.h: what the parts of fedisim share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "fedisim.h"

G_BEGIN_DECLS

typedef struct _FsActor  FsActor;
typedef struct _FsStatus FsStatus;
typedef struct _FsFollow FsFollow;
typedef struct _FsPosting FsPosting;

/* Mastodon's limits (api-facts §6). */
#define FS_FOLLOW_CAP          7500
#define FS_FOLLOW_CAP_RATIO    1.1
#define FS_MAX_LISTS           50
#define FS_MOVE_COOLDOWN       (30 * 24 * 3600)
#define FS_GTS_MOVE_COOLDOWN   (7 * 24 * 3600)
#define FS_MOVE_REPLAY_BLOCK   (7 * 24 * 3600)
#define FS_IMPORT_MAX_ROWS     20000

typedef struct
{
  char *name;
  char *value;
} FsField;

typedef struct
{
  guint64  id;           /* row id: the cursor of /api/v1/mutes */
  FsActor *target;
  gboolean notifications;
  gint64   expires_at;   /* 0: forever */
} FsMute;

typedef struct
{
  guint64  id;           /* row id: cursors */
  FsActor *target;       /* for blocks, endorsements */
  FsStatus *status;      /* for bookmarks, favourites */
  char    *text;         /* for domain blocks, tags */
} FsRow;

typedef struct
{
  guint64    id;
  char      *title;
  char      *replies_policy;   /* followed, list, none */
  gboolean   exclusive;
  GPtrArray *members;          /* FsActor*, unowned */
} FsList;

typedef struct
{
  guint64    id;
  char      *title;
  GPtrArray *context;          /* strings */
  char      *action;           /* warn, hide, blur */
  gint64     expires_at;       /* 0: never */
  GPtrArray *keywords;         /* FsField: name = keyword, value = "1"/"0" whole word */
  GPtrArray *statuses;         /* FsStatus*, unowned */
} FsFilter;

typedef struct
{
  guint64  id;
  char    *type;               /* image, video */
  char    *description;
  GBytes  *data;
  char    *content_type;
} FsMedia;

struct _FsStatus
{
  guint64    id;               /* id on the home server */
  char      *uri;
  FsActor   *account;          /* unowned */
  char      *text;             /* source */
  char      *spoiler_text;
  char      *visibility;       /* public, unlisted, private, direct */
  char      *language;
  gboolean   sensitive;
  gboolean   pinned;
  gint64     created_at;
  gint64     edited_at;
  GPtrArray *edits;            /* older texts, oldest first */
  GPtrArray *media;            /* FsMedia* */
  FsStatus  *in_reply_to;      /* unowned */
};

struct _FsFollow
{
  guint64    id;               /* row id: the cursor of following/followers pages */
  FsActor   *from;
  FsActor   *to;
  gboolean   reblogs;
  gboolean   notify;
  GPtrArray *languages;        /* strings, or NULL */
  gboolean   pending;          /* a follow request to a locked account */
  gint64     accept_at;        /* pending until the remote server's Accept, due then; 0: none */
};

struct _FsActor
{
  FedisimServer *home;         /* unowned */
  guint64        id;           /* id on the home server */
  char          *username;
  char          *uri;          /* https://HOST/users/NAME */
  char          *password;     /* local users only */
  char          *email;

  char          *display_name;
  char          *note;         /* source, plain text */
  GPtrArray     *fields;       /* FsField* */
  GBytes        *avatar;
  char          *avatar_type;
  char          *avatar_description;
  GBytes        *header;
  char          *header_type;
  char          *header_description;
  gboolean       locked;
  gboolean       bot;
  gboolean       discoverable;
  gboolean       indexable;
  gboolean       hide_collections;
  gboolean       suspended;
  char          *privacy;
  gboolean       sensitive;
  char          *language;
  gint64         created_at;

  FsActor       *moved_to;     /* unowned */
  gint64         moved_at;
  GPtrArray     *also_known_as;    /* URIs */
  gint64         last_move_attempt;  /* GoToSocial's 5-minute spacing */

  /* What only the owner sees, kept on the home server. */
  GPtrArray     *blocks;           /* FsRow* */
  GPtrArray     *mutes;            /* FsMute* */
  GPtrArray     *domain_blocks;    /* FsRow*, text */
  GPtrArray     *lists;            /* FsList* */
  GPtrArray     *bookmarks;        /* FsRow*, status */
  GPtrArray     *favourites;       /* FsRow*, status */
  GPtrArray     *followed_tags;    /* FsRow*, text */
  GPtrArray     *featured_tags;    /* FsRow*, text */
  GPtrArray     *filters;          /* FsFilter* */
  GHashTable    *notes;            /* FsActor* → char* */
  GPtrArray     *endorsements;     /* FsRow*, target */
  GPtrArray     *statuses;         /* FsStatus*, owned, oldest first */
  gboolean       allow_following_move;  /* Akkoma's per-user switch */

  /* fedisim-community.c */
  gboolean       deleted;          /* gone: the account API answers 404, the actor 410 */
  guint64        role_permissions; /* fedisim_server_set_admin: Mastodon's role bits */
  struct _FsMember *member;        /* the community member this is an account of, or NULL */

  /* The follow graph, indexed: FsFollow*, unowned (the world owns them), oldest first. */
  GPtrArray     *following;
  GPtrArray     *followers;
};

typedef struct
{
  char    *client_id;
  char    *client_secret;
  char    *name;
  char    *website;
  char   **redirect_uris;
  char    *scopes;
  guint64  id;
} FsApp;

typedef struct
{
  char    *token;
  FsApp   *app;                /* unowned */
  FsActor *user;               /* unowned; NULL for an app token */
  char   **scopes;
  gboolean revoked;
  guint64  id;
} FsToken;

typedef struct
{
  char    *code;
  FsApp   *app;
  FsActor *user;
  char    *redirect_uri;
  char    *scopes;
  char    *challenge;
  gint64   expires_at;
  gboolean used;
} FsGrant;

typedef struct
{
  char    *id;
  FsActor *user;               /* NULL until signed in */
  char    *csrf;
  char    *return_to;
} FsSession;

typedef struct
{
  guint64  id;
  FsActor *user;
  char    *type;
  char    *mode;
  GPtrArray *rows;             /* GStrv each */
  gint64   created_at;
  gboolean confirmed;
  guint    processed;
  guint    failures;
  gboolean background;         /* GoToSocial: worked off row by row after the 202 */
  gint64   next_due;           /* background: when the next row is done (virtual clock) */
  GPtrArray *seen;             /* background: targets done so far (overwrite) */
} FsImport;

typedef struct
{
  char        *route;          /* "GET /api/v1/…", or "*" */
  FedisimFault fault;
  guint        value;
  guint        remaining;      /* 0: until cleared */
} FsFaultRule;

/* One request being answered. */
typedef struct
{
  FedisimServer     *server;
  SoupServerMessage *msg;
  const char        *method;
  const char        *path;
  const char        *route;        /* the matched pattern, "GET /api/v1/…" */
  GHashTable        *query;        /* char* → GPtrArray* of char* */
  GHashTable        *form;         /* char* → GPtrArray* of char* (urlencoded, multipart, JSON) */
  GHashTable        *files;        /* char* → GBytes*; content types in file_types */
  GHashTable        *file_types;
  char             **args;         /* the :params of the route, in order */
  FsToken           *token;        /* unowned, NULL without one */
  FsSession         *session;      /* unowned, the browser session */
  gboolean           api;
} FsRequest;

typedef void (*FsHandler) (FsRequest *req);

typedef enum
{
  FS_ROUTE_PUBLIC      = 0,
  FS_ROUTE_USER        = 1 << 0,   /* require_user!: a token with a functional user */
  FS_ROUTE_USER_MOVED  = 1 << 1,   /* a user, even a moved one (verify_credentials on GtS) */
  FS_ROUTE_SESSION     = 1 << 2,   /* a browser session (settings pages) */
  FS_ROUTE_SESSION_ANY = 1 << 3,   /* a session, even of a moved account (skips require_functional!) */
} FsRouteFlags;

typedef struct
{
  const char   *method;
  const char   *pattern;
  FsHandler     handler;
  FsRouteFlags  flags;
  const char   *scopes;        /* space-separated, any one of them; NULL: no scope check */
  guint         flavours;      /* bit per FedisimFlavour; 0: every flavour */
} FsRoute;

#define FS_F(flavour) (1u << (flavour))
#define FS_MASTODONS  (FS_F (FEDISIM_FLAVOUR_MASTODON) | FS_F (FEDISIM_FLAVOUR_LEGACY))

typedef struct
{
  gint64 window;
  guint  count;
} FsCounter;

struct _FedisimServer
{
  FedisimWorld   *world;       /* unowned */
  FedisimFlavour  flavour;
  char           *version;
  int             api_version; /* api_versions.mastodon */
  SoupServer     *soup;
  guint16         port;
  char           *host;        /* 127.0.0.1:PORT */
  char           *base_url;
  gboolean        authorized_fetch;

  GPtrArray      *actors;      /* FsActor*, owned: local users */
  GHashTable     *ids;         /* FsActor* → guint64 id as known here (local and remote) */
  GHashTable     *by_id;       /* id (string) → FsActor* */
  GHashTable     *status_ids;  /* FsStatus* → id here */
  GHashTable     *status_by_id;/* id (string) → FsStatus* */
  GPtrArray      *apps;        /* FsApp* */
  GPtrArray      *tokens;      /* FsToken* */
  GPtrArray      *grants;      /* FsGrant* */
  GHashTable     *sessions;    /* id → FsSession* */
  GPtrArray      *imports;     /* FsImport* */
  GHashTable     *counters;    /* key → FsCounter* (rate limits) */
  GHashTable     *request_counts;  /* route → count */
  GHashTable     *status_counts;   /* status → count */
  GPtrArray      *faults;      /* FsFaultRule* */
  GHashTable     *seen_moves;  /* origin URI → time of processing */
  guint64         next_id;
  gboolean        without_gaps;    /* fedisim_server_set_api_gaps (FALSE) */
  char           *nodeinfo_href;   /* what /.well-known/nodeinfo links to; NULL: its own */
  FsPosting      *posting;         /* fedisim-posting.c: scheduled, idempotency, spam */

  /* fedisim-community.c */
  struct _FsCommunity *community;  /* the community seeded on this (old) server, or NULL */
  gboolean        profile_redirect;  /* fedisim_server_set_profile_redirect */
};

struct _FedisimWorld
{
  GTlsCertificate *certificate;
  GTlsDatabase    *database;
  char            *tmpdir;
  char            *ca_file;
  gboolean         plain_http;
  GPtrArray       *servers;    /* FedisimServer*, owned */
  GPtrArray       *peers;      /* FedisimServer*, unowned: the servers fixtures spread over */
  GPtrArray       *follows;    /* FsFollow*, owned: the follow graph of the whole world */
  GHashTable      *follow_index;   /* "from>to" → FsFollow* */
  guint64          next_row_id;
  gint64           time_offset;    /* seconds added to the base time */
  gint64           base_time;      /* unix seconds when created */
  gint64           real_start;     /* monotonic microseconds when created */
  guint            limit_factor;   /* request throttles × this (benchmarks, kill tests) */
  GQueue          *deliveries;     /* pending federation work: Moves (FsDelivery*) */
  guint            delivery_source;
  GPtrArray       *awaiting;       /* FsFollow*, unowned: waiting for a remote Accept */
};

/* fedisim-world.c */
guint64     fs_world_next_row_id       (FedisimWorld   *world);
FsActor    *fs_world_find_actor        (FedisimWorld   *world,
                                        const char     *uri);
FsActor    *fs_world_resolve_handle    (FedisimWorld   *world,
                                        const char     *handle);
FsStatus   *fs_world_find_status       (FedisimWorld   *world,
                                        const char     *uri);
FsFollow   *fs_world_find_follow       (FedisimWorld   *world,
                                        FsActor        *from,
                                        FsActor        *to);
FsFollow   *fs_world_add_follow        (FedisimWorld   *world,
                                        FsActor        *from,
                                        FsActor        *to);
void        fs_world_remove_follow     (FedisimWorld   *world,
                                        FsFollow       *follow);
guint       fs_world_count_follows     (FedisimWorld   *world,
                                        FsActor        *actor,
                                        gboolean        followers);
void        fs_world_deliver_move      (FedisimWorld   *world,
                                        FsActor        *origin,
                                        FsActor        *target);

/* fedisim-server.c */
FedisimServer *fs_server_new           (FedisimWorld   *world,
                                        FedisimFlavour  flavour,
                                        const char     *version,
                                        GError        **error);
void        fs_server_free             (FedisimServer  *server);
void        fs_server_attach           (FedisimServer  *server);
FsActor    *fs_server_find_local       (FedisimServer  *server,
                                        const char     *username);
FsActor    *fs_server_create_actor     (FedisimServer  *server,
                                        const char     *username,
                                        const char     *password);
guint64     fs_server_id_for           (FedisimServer  *server,
                                        FsActor        *actor);
FsActor    *fs_server_actor_by_id      (FedisimServer  *server,
                                        const char     *id);
guint64     fs_server_status_id_for    (FedisimServer  *server,
                                        FsStatus       *status);
FsStatus   *fs_server_status_by_id     (FedisimServer  *server,
                                        const char     *id);
char       *fs_actor_acct              (FedisimServer  *server,
                                        FsActor        *actor);
char       *fs_actor_handle            (FsActor        *actor);
gboolean    fs_actor_functional        (FsActor        *actor);
void        fs_actor_free              (FsActor        *actor);
void        fs_field_free              (FsField        *field);
FsStatus   *fs_actor_add_status        (FsActor        *actor,
                                        const char     *text,
                                        const char     *visibility);

/* Requests and answers (fedisim-server.c). */
const char *fs_req_param               (FsRequest      *req,
                                        const char     *name);
GPtrArray  *fs_req_param_array         (FsRequest      *req,
                                        const char     *name);
gboolean    fs_req_param_bool          (FsRequest      *req,
                                        const char     *name,
                                        gboolean        default_value);
guint       fs_req_limit               (FsRequest      *req,
                                        guint           default_limit,
                                        guint           max_limit);
FsActor    *fs_req_user                (FsRequest      *req);
void        fs_reply_json              (FsRequest      *req,
                                        guint           status,
                                        JsonNode       *node);
void        fs_reply_json_typed        (FsRequest      *req,
                                        guint           status,
                                        const char     *content_type,
                                        JsonNode       *node);
void        fs_reply_error             (FsRequest      *req,
                                        guint           status,
                                        const char     *error);
void        fs_reply_html              (FsRequest      *req,
                                        guint           status,
                                        const char     *title,
                                        const char     *body_html);
void        fs_reply_text              (FsRequest      *req,
                                        guint           status,
                                        const char     *content_type,
                                        const char     *text,
                                        gsize           len);
void        fs_reply_redirect          (FsRequest      *req,
                                        const char     *location);
void        fs_set_link_header         (FsRequest      *req,
                                        guint64         next_max_id,
                                        guint64         prev_min_id,
                                        guint           limit);
GPtrArray  *fs_page_rows               (FsRequest      *req,
                                        GPtrArray      *rows_desc,
                                        guint64       (*row_id) (gconstpointer row),
                                        guint           default_limit,
                                        guint           max_limit);
char       *fs_html_escape             (const char     *text);
FsActor    *fs_req_account_arg         (FsRequest      *req);
JsonNode   *fs_json_accounts           (FedisimServer  *server,
                                        GPtrArray      *actors);
guint64     fs_row_id                  (gconstpointer   row);
guint64     fs_follow_row_id           (gconstpointer   row);
gboolean    fs_actor_follow            (FsRequest      *req,
                                        FsActor        *me,
                                        FsActor        *target,
                                        gboolean        api);
void        fs_actor_block             (FedisimWorld   *world,
                                        FsActor        *me,
                                        FsActor        *target);
void        fs_actor_mute              (FedisimWorld   *world,
                                        FsActor        *me,
                                        FsActor        *target,
                                        gboolean        notifications,
                                        gint64          expires_at);
FsList     *fs_actor_add_list          (FsActor        *actor,
                                        const char     *title);
FsRow      *fs_rows_add                (FedisimWorld   *world,
                                        GPtrArray      *rows,
                                        FsActor        *target,
                                        FsStatus       *status,
                                        const char     *text);
FsSession  *fs_session_ensure          (FsRequest      *req);

/* fedisim-ratelimit.c */
gboolean    fs_rate_check              (FsRequest      *req);
gboolean    fs_rate_take_follow        (FsRequest      *req,
                                        FsActor        *user);
gboolean    fs_rate_take_app           (FsRequest      *req);

/* fedisim-entities.c */
JsonNode   *fs_json_account            (FedisimServer  *server,
                                        FsActor        *actor,
                                        gboolean        credentials);
JsonNode   *fs_json_relationship       (FedisimServer  *server,
                                        FsActor        *me,
                                        FsActor        *other);
JsonNode   *fs_json_status             (FedisimServer  *server,
                                        FsStatus       *status,
                                        FsActor        *viewer);
JsonNode   *fs_json_list               (FsList         *list);
JsonNode   *fs_json_filter             (FedisimServer  *server,
                                        FsFilter       *filter);
JsonNode   *fs_json_actor_document     (FedisimServer  *server,
                                        FsActor        *actor);
char       *fs_iso8601                 (gint64          unix_seconds);
char       *fs_note_html               (const char     *text);

/* fedisim-oauth.c, shared with fedisim-oauth-token.c */
extern const char * const fs_oauth_known_scopes[];
gboolean  fs_oauth_pkce_supported (FedisimServer *server);
char     *fs_oauth_random_token   (guint          n_bytes);
FsApp    *fs_oauth_find_app       (FedisimServer *server,
                                   const char    *client_id);

/* The route tables of each part. */
extern const FsRoute fs_account_routes[];
extern const FsRoute fs_collection_routes[];
extern const FsRoute fs_oauth_routes[];
extern const FsRoute fs_oauth_token_routes[];
extern const FsRoute fs_web_routes[];
extern const FsRoute fs_migration_routes[];
extern const FsRoute fs_meta_routes[];

/* fedisim-posting.c */
extern const FsRoute fs_posting_routes[];
extern const FsRoute fs_posting_first_routes[];
void        fs_posting_free            (FsPosting      *posting);
void        fs_posting_catch_up        (FedisimServer  *server,
                                        gint64          now);
guint       fs_posting_pin_limit       (FedisimServer  *server);

/* fedisim-csv.c */
char       *fs_export_csv              (FedisimServer  *server,
                                        FsActor        *actor,
                                        const char     *kind,
                                        gsize          *len);
char       *fs_export_filters_json     (FedisimServer  *server,
                                        FsActor        *actor,
                                        gsize          *len);
GPtrArray  *fs_csv_parse               (const char     *text,
                                        gsize           len);
gboolean    fs_import_run              (FsRequest      *req,
                                        FsActor        *actor,
                                        FsImport       *import,
                                        GError        **error);
void        fs_import_start            (FedisimServer  *server,
                                        FsImport       *import);
void        fs_world_catch_up          (FedisimWorld   *world);
void        fs_follow_await_accept     (FedisimWorld   *world,
                                        FsFollow       *follow);
FsImport   *fs_import_new              (FedisimServer  *server,
                                        FsActor        *actor,
                                        const char     *type,
                                        const char     *mode,
                                        GBytes         *data,
                                        GError        **error);

/* fedisim-migration.c */
gboolean    fs_actor_has_alias         (FsActor        *target,
                                        FsActor        *origin);
void        fs_actor_move              (FsActor        *origin,
                                        FsActor        *target);

/* fedisim-meta.c */
gboolean    fs_server_snac_gaps        (FedisimServer  *server);

/* fedisim-community.c */
typedef enum
{
  FS_COUNT_FOLLOWERS,
  FS_COUNT_FOLLOWING,
  FS_COUNT_STATUSES,
} FsCount;

gint64      fs_community_count         (FsActor        *actor,
                                        FsCount         which,
                                        gint64          live);
void        fs_community_free          (struct _FsCommunity *community);
gboolean    fs_community_profile_redirect (FsRequest   *req,
                                        const char     *username);
gint64      fs_actor_last_status_at    (FsActor        *actor);

/* fedisim-community-api.c */
extern const FsRoute fs_community_routes[];

/* fedisim-fixtures.c */
void        fs_fixture_generate        (FedisimServer  *server,
                                        FsActor        *actor,
                                        const char     *name);

G_END_DECLS
