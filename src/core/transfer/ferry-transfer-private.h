/* ferry-transfer-private.h: what FerryTransfer's files share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ferry-account.h"
#include "ferry-relationship.h"
#include "ferry-backup-category.h"
#include "ferry-server-info.h"
#include "ferry-transfer.h"
#include "ferry-transfer-journal.h"

G_BEGIN_DECLS

#define MAX_ACTIVE         6     /* items under way at once; the client sends 4 at a time */
#define MASTODON_FOLLOWS   400   /* a day, through the API (api-facts §6) */
#define FOLLOW_CAP         7500
#define MAX_LISTS          50

typedef enum
{
  CAT_PROFILE,
  CAT_FOLLOWING,
  CAT_LISTS,
  CAT_BLOCKS,
  CAT_MUTES,
  CAT_DOMAIN_BLOCKS,
  CAT_BOOKMARKS,
  CAT_FOLLOWED_TAGS,
  CAT_FEATURED_TAGS,
  CAT_FILTERS,
  CAT_NOTES,
  CAT_ENDORSEMENTS,
  N_CATS
} Cat;

typedef enum
{
  OP_PROFILE,
  OP_FOLLOW,
  OP_LIST,
  OP_LIST_MEMBER,
  OP_BLOCK,
  OP_MUTE,
  OP_DOMAIN_BLOCK,
  OP_BOOKMARK,
  OP_TAG,
  OP_FEATURED_TAG,
  OP_FILTER,
  OP_NOTE,
  OP_ENDORSE,
  OP_IMPORT,         /* GoToSocial's import API: one file for a whole category */
} Op;

typedef enum
{
  ITEM_PENDING,
  ITEM_ACTIVE,
  ITEM_DONE,
  ITEM_SKIPPED,
  ITEM_FAILED,
} ItemState;

typedef struct _Item Item;

struct _Item
{
  Op          op;
  Cat         cat;
  char       *key;        /* the journal's */
  char       *target;     /* acct, URI, tag, domain or list title */
  char       *list;       /* OP_LIST_MEMBER: the list's title */
  JsonObject *data;       /* owned: what the backup says of it */
  ItemState   state;
  char       *reason;     /* skipped or failed: why, in words */
  char       *code;       /* and as a word for machines: gone, moved, locked… */
  gboolean    retry;      /* worth trying again */
  gboolean    uncertain;  /* started before, result unknown: ask the server first */
  char       *id;         /* the target's id on the new server */
  Item       *depends;    /* unowned: the follow this waits for */
  Item       *list_item;  /* unowned: OP_LIST_MEMBER: the list it goes in */
  GPtrArray  *dependents; /* Item*, unowned */
  GPtrArray  *members;    /* OP_IMPORT: the items it covers (unowned) */
  gboolean    in_import;  /* a GoToSocial import item carries it */
  gboolean    counted;    /* OP_FOLLOW: in today's follows */
  gboolean    sent;       /* OP_FOLLOW: its request went out in this run */
  gint64      sent_day;
  GBytes     *avatar;     /* OP_PROFILE: the images, read with the backup */
  GBytes     *header;
  Item       *after;      /* unowned: the import whose work this waits for (an expiring mute) */
  gboolean    settled;    /* OP_IMPORT: the server's work on it is over, or no longer waited for */
};

typedef struct
{
  char       *id;
  GHashTable *members;       /* acct key → NULL */
} SnapList;

typedef struct
{
  GHashTable *following;     /* acct key → NULL */
  GHashTable *blocks;
  GHashTable *mutes;
  GHashTable *domain_blocks;
  GHashTable *lists;         /* title → SnapList */
  GHashTable *bookmarks;     /* URI → "" */
  GHashTable *tags;          /* lower-case name → "" */
  GHashTable *featured;
  GHashTable *filters;       /* title → id */
  GHashTable *endorsements;
} Snapshot;

struct _FerryTransfer
{
  FerryJob              parent_instance;

  FerryClient          *client;      /* owned */
  GFile                *dir;         /* owned */
  char                 *dir_path;
  GStrv                 only;
  FerryTransferMethod   method;
  FerryTransferJournal *journal;
  char *report_path; /* the last verify's report, beside the journal */ /* owned */
  FerryServerInfo      *info;        /* owned */
  FerryAccount         *me;          /* owned: the new account, as it says it is */
  char                 *local_domain;
  char                 *import_url;
  gboolean              prepared;
  GPtrArray            *items;       /* Item*, owned */
  GPtrArray            *queues[N_CATS]; /* Item*, unowned: what goes, in order */
  guint                 cursor[N_CATS];
  GPtrArray            *warnings;    /* char* */
  GTask                *task;        /* owned while running: the job's run_async */
  guint                 active;
  gboolean              waiting_day;
  guint                 follow_limit;  /* a day; 0: none */
  gint64                follow_day;
  guint                 follows_today;
  gint64                next_batch;
  GHashTable           *statuses;      /* URI → status id on the new server, "" if unreachable */
  JsonObject           *report;        /* owned, after verify */
  gboolean              wait_for_days;
  gboolean              finishing;
  gboolean              sleeping;
  gboolean              check_imports;  /* an import is done: what it missed goes by API */
  guint                 pump_source;
  gboolean              pump_parked;   /* paused: the pump goes on once the job is resumed */
  guint                 recount_source; /* the counts are recounted once per main loop turn */
  gint64                settle_start;  /* server time when the wait began */
  gint64                settle_change; /* server time when something last arrived */
  guint                 settle_seen;   /* what had arrived then */
  guint                 settle_interval;
  gboolean              settle_follows; /* the end's wait for Accepts is done */
  gboolean              reported;      /* the run's closing report is taken */
};

/* ferry-transfer-load.c */
GPtrArray  *ferry_transfer_load_items     (const char       *dir,
                                           const char * const *only,
                                           GError          **error);
void        ferry_transfer_item_free      (Item             *item);
const char *ferry_transfer_string_member  (JsonObject       *object,
                                           const char       *name);
Item       *ferry_transfer_item_blocker   (Item             *item,
                                           gboolean         *waiting);
const char *ferry_transfer_cat_id         (Cat               cat);
const char *ferry_transfer_cat_title      (Cat               cat);
gboolean    ferry_transfer_write_import_files (GPtrArray    *items,
                                           const char       *folder,
                                           const char * const *types,
                                           gboolean          gotosocial,
                                           GListStore       *written,
                                           GError          **error);
gboolean    ferry_transfer_is_gotosocial  (FerryTransfer    *self);
gboolean    ferry_transfer_version_at_least (FerryTransfer  *self,
                                           guint             major,
                                           guint             minor);
char       *ferry_transfer_csv_for        (GPtrArray        *items,
                                           Cat               cat);

/* ferry-transfer-apply.c */
void        ferry_transfer_start_item     (FerryTransfer    *self,
                                           Item             *item);

/* ferry-transfer-check.c */
typedef enum
{
  TRANSFER_CHECK_ABSENT,     /* not there: send it */
  TRANSFER_CHECK_DONE,       /* there already */
  TRANSFER_CHECK_REQUESTED,  /* a follow that is a request, not yet accepted */
} TransferCheck;

void        ferry_transfer_check_async    (FerryClient      *client,
                                           Item             *item,
                                           GCancellable     *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer          user_data);
TransferCheck ferry_transfer_check_finish (FerryClient      *client,
                                           GAsyncResult     *result,
                                           GError          **error);
gboolean    ferry_transfer_is_request     (FerryRelationship *relationship);

/* ferry-transfer-resolve.c */
void        ferry_transfer_resolve_account_async (FerryTransfer *self,
                                           Item             *item,
                                           GCancellable     *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer          user_data);
JsonObject *ferry_transfer_resolve_account_finish (FerryTransfer *self,
                                           GAsyncResult     *result,
                                           GError          **error);

/* ferry-transfer-profile.c */
FerryParams *ferry_transfer_profile_params (FerryTransfer   *self,
                                           Item             *item);
FerryParams *ferry_transfer_picture_params (FerryTransfer   *self,
                                           Item             *item,
                                           guint             which);
GBytes     *ferry_transfer_import_csv     (FerryTransfer    *self,
                                           Item             *item);
char       *ferry_transfer_check_profile  (FerryTransfer    *self,
                                           Item             *item);

/* ferry-transfer.c */
void        ferry_transfer_item_end       (FerryTransfer    *self,
                                           Item             *item,
                                           ItemState         state,
                                           const char       *code,
                                           const char       *reason,
                                           gboolean          retry);
void        ferry_transfer_item_requeue   (FerryTransfer    *self,
                                           Item             *item);
void        ferry_transfer_stop           (FerryTransfer    *self,
                                           GError           *error);
GCancellable *ferry_transfer_cancellable  (FerryTransfer    *self);
gint64      ferry_transfer_server_day     (FerryTransfer    *self);
void        ferry_transfer_progress_now   (FerryTransfer    *self);
void        ferry_transfer_progress_later (FerryTransfer    *self);
void        ferry_transfer_queue_item     (FerryTransfer    *self,
                                           Item             *item);
void        ferry_transfer_pump_later     (FerryTransfer    *self);
void        ferry_transfer_start_items    (FerryTransfer    *self);
void        ferry_transfer_add_warning    (FerryTransfer    *self,
                                           char             *warning);

/* ferry-transfer-settle.c */
void        ferry_transfer_settle_imports (FerryTransfer    *self);
gboolean    ferry_transfer_settle_follows (FerryTransfer    *self);
void        ferry_transfer_set_status     (FerryTransfer    *self,
                                           const char       *status);
gboolean    ferry_transfer_not_yet_followed (const GError   *error);

/* ferry-transfer-items.c */
void        ferry_transfer_settle         (FerryTransfer    *self,
                                           Item             *item);
void        ferry_transfer_follows_spent  (FerryTransfer    *self);

/* ferry-transfer-state.c */
void        ferry_transfer_snapshot_free  (Snapshot         *snapshot);
void        ferry_transfer_scan_async     (FerryTransfer    *self,
                                           GCancellable     *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer          user_data);
Snapshot   *ferry_transfer_scan_finish    (FerryTransfer    *self,
                                           GAsyncResult     *result,
                                           GError          **error);
gboolean    ferry_transfer_snapshot_has   (FerryTransfer    *self,
                                           Snapshot         *snapshot,
                                           Item             *item);
gboolean    ferry_transfer_snapshot_lost_expiry (FerryTransfer *self,
                                           Snapshot         *snapshot,
                                           Item             *item);
void        ferry_transfer_report_at_end  (FerryTransfer    *self);
JsonObject *ferry_transfer_build_report   (FerryTransfer    *self,
                                           Snapshot         *snapshot);

G_END_DECLS
