/* ferry-backup-private.h: what FerryBackup's files share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ferry-account-context.h"
#include "ferry-backup.h"
#include "ferry-backup-category.h"
#include "ferry-backup-journal.h"
#include "ferry-page.h"
#include "ferry-server-info.h"

G_BEGIN_DECLS

#define FERRY_BACKUP_FORMAT 1
#define FERRY_BACKUP_N_CATEGORIES 15

#define MEDIA_IN_FLIGHT    4
#define FERRY_BACKUP_TEST_CRASH_STATUS 86   /* FERRY_TEST_CRASH_AT's _exit status */
#define RELATIONSHIP_BATCH 80

typedef enum
{
  KIND_PROFILE,
  KIND_PAGED,
  KIND_LISTS,
  KIND_FILTERS,
  KIND_MEDIA,
} Kind;

typedef enum
{
  WITH_RELATIONSHIPS = 1 << 0,   /* each page's relationships: options, notes */
  ACCOUNTS           = 1 << 1,   /* the items are accounts */
  POSTS              = 1 << 2,
} DefFlags;

typedef struct
{
  const char *id;
  const char *title;
  Kind        kind;
  FerryCollection collection;  /* what is paged (KIND_PAGED, KIND_LISTS, KIND_FILTERS) */
  guint       flags;
} CategoryDef;


typedef struct _Runner Runner;
typedef void (*RunnerFunc) (Runner *r);

struct _Runner
{
  FerryBackup         *backup;    /* unowned: the job outlives its runners */
  const CategoryDef   *def;
  FerryBackupCategory *category;  /* unowned: in backup->categories */
  JsonObject          *state;     /* unowned: the journal's */
  FerryPage           *page;      /* owned: the page being fetched, its items models */
  GPtrArray           *rels;      /* owned: its relationships (FerryRelationship) */
  JsonObject          *profile;   /* owned: the profile line being made */
  GHashTable          *histories; /* owned: post id → its edit history (JsonNode) */
  GHashTable          *uris;      /* owned: status id → URI (filters) */
  char                *next;      /* its Link: next */
  guint                pending;   /* requests for this page still out */
  GError              *error;     /* the first of them to fail */
  RunnerFunc           parked;
  gboolean             ended;

  /* The next page, asked for while this one is completed and committed */
  char                *pre_url;      /* what was asked for */
  gboolean             pre_pending;  /* the answer is not in yet */
  gboolean             pre_wanted;   /* the runner waits for it */
  FerryPage           *pre_page;
  char                *pre_next;
  GError              *pre_error;
};

typedef struct
{
  char *url;
  char *file;    /* relative to the backup folder */
} MediaItem;

struct _FerryBackup
{
  GObject              parent_instance;

  FerryClient         *client;       /* owned */
  GFile               *dir;          /* owned */
  char                *dir_path;
  FerryBackupFlags     flags;
  GListStore          *categories;   /* FerryBackupCategory */
  FerryBackupJournal  *journal;      /* owned */
  FerryServerInfo     *info;         /* owned */
  FerryAccount        *account;      /* owned */
  FerryAccountContext *context;      /* owned: the client, the probe, the account */
  char                *local_domain;
  char                *posts_since;  /* incremental: the newest post an earlier backup has */
  gint64               posts_earlier_bytes;  /* posts.jsonl's size as the run began (-1: none) */
  GTask               *task;         /* owned while running */
  Runner               runners[FERRY_BACKUP_N_CATEGORIES];
  guint                running;
  gboolean             paused;
  GPtrArray           *parked;       /* Runner*, waiting for resume */
  gboolean             resumed;
  guint64              bytes;

  /* Media */
  GQueue               media_queue;  /* MediaItem* */
  GHashTable          *media_known;  /* relative file names queued or done */
  guint                media_in_flight;
  gboolean             media_scanned;
  JsonArray           *media_missing;
};

extern const CategoryDef ferry_backup_category_defs[];

/* Shared by the job's files (ferry-backup*.c). */
void ferry_backup_append_line (GString *lines, JsonObject *object);
GCancellable * ferry_backup_cancellable (FerryBackup *self);
JsonNode * ferry_backup_deep_copy (JsonNode *node);
Runner * ferry_backup_find_runner (FerryBackup *self, const char *id);
void ferry_backup_finish_all (FerryBackup *self);
void ferry_backup_media_enqueue (FerryBackup *self, const char *url, const char *file);
char * ferry_backup_media_extension (const char *url);
const char * ferry_backup_picture_stand_in (const char *url);
char * ferry_backup_media_file_name (const char *media_id, const char *url);
gboolean ferry_backup_is_image (GBytes *bytes);
void ferry_backup_media_item_free (MediaItem *item);
void ferry_backup_media_maybe_end (FerryBackup *self);
void ferry_backup_media_pump (FerryBackup *self);
void ferry_backup_media_scan (FerryBackup *self);
void ferry_backup_runner_commit (Runner *r, GString *lines, guint n_items);
void ferry_backup_runner_end (Runner *r, FerryStepState state, const char *detail);
void ferry_backup_runner_fail (Runner *r, GError *error);
void ferry_backup_runner_fetch (Runner *r);
void ferry_backup_runner_clear_prefetch (Runner *r);
void ferry_backup_runner_clear_page (Runner *r);
gboolean ferry_backup_runner_skip_if_missing (Runner *r, GError *error);
const char * ferry_backup_server_gap (FerryBackup *self, const char *category, gboolean *hidden);
gboolean ferry_backup_server_known (FerryBackup *self);
void ferry_backup_runner_step (Runner *r, RunnerFunc func);
void ferry_backup_runner_write (Runner *r);
JsonObject * ferry_backup_stage_item (Runner *r, gpointer item);
const char * ferry_backup_string_member (JsonObject *object, const char *name);

/* ferry-backup-output.c: turning a category's journal into the files people keep. Each runs
 * in a worker thread and writes atomically. */
gboolean    ferry_backup_write_category (const char  *category,
                                         const char  *staging_path,
                                         const char  *dir,
                                         gint64       earlier_bytes,
                                         gint64      *count,
                                         GError     **error);
gboolean    ferry_backup_write_notes    (const char * const *staging_paths,
                                         const char  *dir,
                                         gint64      *count,
                                         GError     **error);
gboolean    ferry_backup_write_manifest (const char  *dir,
                                         JsonObject  *manifest,
                                         GError     **error);
gboolean    ferry_backup_write_file     (const char  *dir,
                                         const char  *name,
                                         const char  *contents,
                                         gssize       length,
                                         GError     **error);
void        ferry_backup_remove_parts   (const char  *folder);
void        ferry_backup_save_async     (FerryBackup *self,
                                         const char  *name,
                                         GBytes      *bytes,
                                         GAsyncReadyCallback callback,
                                         gpointer     user_data);
gboolean    ferry_backup_save_finish    (FerryBackup *self,
                                         GAsyncResult *result,
                                         GError     **error);
char       *ferry_backup_read_newest_post_id (const char *dir);
JsonArray  *ferry_backup_array_member   (JsonObject  *object,
                                         const char  *name);
JsonObject *ferry_backup_object_member  (JsonObject  *object,
                                         const char  *name);
JsonObject *ferry_backup_array_object   (JsonArray   *array,
                                         guint        index);
const char *ferry_backup_array_string   (JsonArray   *array,
                                         guint        index);
gboolean    ferry_backup_id_newer       (const char  *a,
                                         const char  *b);

G_END_DECLS
