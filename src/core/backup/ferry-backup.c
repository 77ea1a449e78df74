/* ferry-backup.c: a complete copy of an account on disk, resumable, within the limits
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One job. Each category runs on its own, one page at a time, side by side with the others;
 * the client keeps them within the server's budget (and Mastodon's tighter one for pages)
 * and at four requests in flight. Every page is committed to the journal before the next
 * is asked for, so a run that stops anywhere goes on from the last committed page. When a
 * category has all its pages, its files are written from the journal (ferry-backup-output.c);
 * when all have, manifest.json, and the journal is removed.
 *
 * Media files are fetched while the posts are paged, two at a time, each written atomically
 * under its final name: a file that exists is whole, and is not fetched again.
 *
 * Persistence reader: the journal's states and an earlier backup's manifest.json.
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"

const CategoryDef ferry_backup_category_defs[] = {
  { "profile", N_("Profile"), KIND_PROFILE, 0, 0 },
  { "following", N_("Follows"), KIND_PAGED, FERRY_COLLECTION_FOLLOWING,
    ACCOUNTS | WITH_RELATIONSHIPS },
  { "followers", N_("Followers"), KIND_PAGED, FERRY_COLLECTION_FOLLOWERS, ACCOUNTS },
  { "lists", N_("Lists"), KIND_LISTS, FERRY_COLLECTION_LISTS, 0 },
  { "blocks", N_("Blocked accounts"), KIND_PAGED, FERRY_COLLECTION_BLOCKS,
    ACCOUNTS | WITH_RELATIONSHIPS },
  { "mutes", N_("Muted accounts"), KIND_PAGED, FERRY_COLLECTION_MUTES,
    ACCOUNTS | WITH_RELATIONSHIPS },
  { "domain_blocks", N_("Blocked servers"), KIND_PAGED, FERRY_COLLECTION_DOMAIN_BLOCKS, 0 },
  { "bookmarks", N_("Bookmarks"), KIND_PAGED, FERRY_COLLECTION_BOOKMARKS, 0 },
  { "favourites", N_("Favourites"), KIND_PAGED, FERRY_COLLECTION_FAVOURITES, 0 },
  { "followed_tags", N_("Followed hashtags"), KIND_PAGED, FERRY_COLLECTION_FOLLOWED_TAGS, 0 },
  { "featured_tags", N_("Featured hashtags"), KIND_PAGED, FERRY_COLLECTION_FEATURED_TAGS, 0 },
  { "endorsements", N_("Featured accounts"), KIND_PAGED, FERRY_COLLECTION_ENDORSEMENTS,
    ACCOUNTS },
  { "filters", N_("Filters"), KIND_FILTERS, FERRY_COLLECTION_FILTERS, 0 },
  { "posts", N_("Posts"), KIND_PAGED, FERRY_COLLECTION_STATUSES, POSTS },
  { "media", N_("Media files"), KIND_MEDIA, 0, 0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (ferry_backup_category_defs) == FERRY_BACKUP_N_CATEGORIES);

G_DEFINE_FINAL_TYPE (FerryBackup, ferry_backup, FERRY_TYPE_JOB)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


void
ferry_backup_media_item_free (MediaItem *item)
{
  g_free (item->url);
  g_free (item->file);
  g_free (item);
}

GCancellable *
ferry_backup_cancellable (FerryBackup *self)
{
  return ferry_job_get_cancellable (FERRY_JOB (self));
}

Runner *
ferry_backup_find_runner (FerryBackup *self,
             const char  *id)
{
  for (guint i = 0; i < FERRY_BACKUP_N_CATEGORIES; i++)
    if (g_str_equal (ferry_backup_category_defs[i].id, id))
      return &self->runners[i];
  g_assert_not_reached ();
}

/* Overall progress, by categories, with the running ones counted by their fraction; the
 * job's done is what was saved so far. The job throttles the notifications. */
static void
notify_fraction (FerryBackup *self)
{
  double sum = 0;
  gint64 done = 0;
  guint n = FERRY_BACKUP_N_CATEGORIES;

  for (guint i = 0; i < n; i++)
    {
      FerryBackupCategory *category = self->runners[i].category;
      gint64 total = ferry_backup_category_get_total (category);

      if (self->runners[i].def->kind != KIND_MEDIA)
        done += ferry_backup_category_get_done (category);

      switch (ferry_backup_category_get_state (category))
        {
        case FERRY_STEP_STATE_DONE:
        case FERRY_STEP_STATE_SKIPPED:
        case FERRY_STEP_STATE_FAILED:
          sum += 1;
          break;
        case FERRY_STEP_STATE_RUNNING:
          if (total > 0)
            sum += MIN (0.99, ferry_backup_category_get_done (category) / (double) total);
          break;
        case FERRY_STEP_STATE_PENDING:
        default:
          break;
        }
    }
  ferry_job_set_progress (FERRY_JOB (self), done, -1);
  ferry_job_set_fraction (FERRY_JOB (self), sum / n);
}

/* Runners: stepping, pausing, ending */

static void
runner_resumed (FerryJob *job,
                gpointer  user_data)
{
  Runner *r = user_data;
  RunnerFunc func = g_steal_pointer (&r->parked);

  /* Cancelled while paused: what was committed is kept; the next run goes on from it. */
  if (ferry_job_is_cancelled (job))
    ferry_backup_runner_end (r, FERRY_STEP_STATE_PENDING, NULL);
  else
    func (r);
}

/* Runs @func at once, or once the job is resumed. */
void
ferry_backup_runner_step (Runner     *r,
                          RunnerFunc  func)
{
  g_assert (r->parked == NULL);

  r->parked = func;
  ferry_job_when_running (FERRY_JOB (r->backup), runner_resumed, r);
}


void
ferry_backup_runner_end (Runner         *r,
            FerryStepState  state,
            const char     *detail)
{
  FerryBackup *self = r->backup;

  g_assert (!r->ended);
  r->ended = TRUE;
  ferry_backup_runner_clear_page (r);
  g_clear_pointer (&r->next, g_free);
  ferry_backup_runner_clear_prefetch (r);
  ferry_backup_category_set_state (r->category, state, detail);
  notify_fraction (self);
  g_debug ("%s: %s", r->def->id, detail ? detail : "done");
  if (--self->running == 0)
    ferry_backup_finish_all (self);
  else if (r->def->flags & POSTS)
    ferry_backup_media_maybe_end (self);
}

void
ferry_backup_runner_fail (Runner *r,
             GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ferry_backup_runner_end (r, FERRY_STEP_STATE_PENDING, NULL);
  else
    ferry_backup_runner_end (r, FERRY_STEP_STATE_FAILED, error->message);
}

/* Software whose client API Ferry knows endpoint by endpoint: there, only what
 * ferry_backup_server_gap() names is missing, and a 404 anywhere else is a failure. */
gboolean
ferry_backup_server_known (FerryBackup *self)
{
  const char *software = self->info ? ferry_server_info_get_software (self->info) : NULL;

  return software != NULL
         && g_strv_contains ((const char *const[]){ "mastodon", "hometown", "gotosocial", "snac",
                                                    NULL },
                             software);
}

/**
 * ferry_backup_server_gap:
 * @hidden: (out): TRUE when the API answers but never shows them, FALSE when it has no way
 *
 * What the server's API cannot give, decided from the probe (the software and its version)
 * before anything is asked, so that a passing 404 is never taken for a missing endpoint.
 *
 * Returns: (nullable): why @category cannot be backed up here, or NULL
 */
const char *
ferry_backup_server_gap (FerryBackup *self,
                         const char  *category,
                         gboolean    *hidden)
{
  /* What the server's API lacks or hides is the probe's to know (ferry_server_info_get_coverage(),
   * from each server's source); here only the words for it. */
  static const struct
  {
    const char *category;
    const char *missing;
    const char *hidden;
  } words[] = {
    { "domain_blocks", N_("This server’s API has no way to read blocked servers."), NULL },
    { "endorsements", N_("This server’s API has no way to read featured accounts."), NULL },
    { "mutes", N_("This server’s API has no way to read muted accounts."), NULL },
    { "followers", NULL, N_("This server’s API does not show followers: the account may have "
                            "some that are not in this backup.") },
    { "blocks", NULL, N_("This server’s API does not show blocked accounts: the account may "
                         "have some that are not in this backup.") },
    { "favourites", NULL, N_("This server’s API does not show favourites: the account may have "
                             "some that are not in this backup.") },
  };
  FerryApiCoverage coverage;

  *hidden = FALSE;
  if (self->info == NULL ||
      (coverage = ferry_server_info_get_coverage (self->info, category)) == FERRY_API_SHOWN)
    return NULL;
  *hidden = coverage == FERRY_API_HIDDEN;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *text = *hidden ? words[i].hidden : words[i].missing;

      if (g_str_equal (words[i].category, category) && text != NULL)
        return _(text);
    }
  if (*hidden)
    return _("This server’s API does not show these: the account may have some that are not in "
             "this backup.");
  if (g_strcmp0 (ferry_server_info_get_software (self->info), "mastodon") == 0)
    return _("This version of Mastodon has no way to read these through its API.");
  return _("This server has no way to read these through its API.");
}

/* A 404 (or "not supported") on a category's first page. On software Ferry knows, what the
 * server lacks was skipped before asking (ferry_backup_server_gap()), so this is a failure:
 * the backup is not complete, and the next run asks again. Elsewhere the follows, the
 * followers and the posts are never skipped; anything else is noted as missing and the
 * backup goes on. */
gboolean
ferry_backup_runner_skip_if_missing (Runner *r,
                        GError *error)
{
  const char *id = r->def->id;

  if (!g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
      !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED))
    return FALSE;
  if (ferry_backup_server_known (r->backup) || g_str_equal (id, "following")
      || g_str_equal (id, "followers") || g_str_equal (id, "posts") || g_str_equal (id, "profile"))
    return FALSE;
  json_object_set_string_member (r->state, "skipped",
                                 _("This server has no way to read these through its API."));
  json_object_set_string_member (r->state, "api", "missing");
  ferry_backup_runner_write (r);
  return TRUE;
}

/* Committing a page */

/* persistence reader: the category's count and whether all its pages are in, from the journal */
static void
commit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_backup_journal_commit_finish (FERRY_BACKUP_JOURNAL (object), result, &error))
    {
      ferry_backup_runner_fail (r, error);
      return;
    }
  ferry_backup_category_set_done (r->category,
                                  json_object_get_int_member_with_default (r->state, "count", 0));
  notify_fraction (r->backup);
  if (g_cancellable_is_cancelled (ferry_backup_cancellable (r->backup)))
    {
      ferry_backup_runner_end (r, FERRY_STEP_STATE_PENDING, NULL);
      return;
    }
  if (json_object_get_boolean_member_with_default (r->state, "fetched", FALSE))
    ferry_backup_runner_write (r);
  else
    ferry_backup_runner_step (r, ferry_backup_runner_fetch);
}

/* Writes @lines and the state, then goes on with the next page (or the files). */
/* persistence reader: the journal's count */
void
ferry_backup_runner_commit (Runner  *r,
               GString *lines,
               guint    n_items)
{
  g_autoptr(GBytes) bytes = g_bytes_new (lines->str, lines->len);

  json_object_set_int_member (r->state, "count",
                              json_object_get_int_member_with_default (r->state, "count", 0)
                                + n_items);
  if (r->next != NULL)
    json_object_set_string_member (r->state, "next", r->next);
  else
    {
      json_object_remove_member (r->state, "next");
      json_object_set_boolean_member (r->state, "fetched", TRUE);
    }
  ferry_backup_journal_commit_async (r->backup->journal, r->def->id, bytes, commit_cb, r);
}

void
ferry_backup_append_line (GString    *lines,
             JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  g_string_append (lines, text);
  g_string_append_c (lines, '\n');
}

/* Starting */

/* persistence reader: each category's journal state */
static void
start_runners (FerryBackup *self)
{
  self->running = FERRY_BACKUP_N_CATEGORIES;

  for (guint i = 0; i < FERRY_BACKUP_N_CATEGORIES; i++)
    {
      Runner *r = &self->runners[i];
      const char *id = r->def->id;
      gboolean no_posts = (self->flags & FERRY_BACKUP_NO_POSTS) != 0;
      gboolean no_media = no_posts || (self->flags & FERRY_BACKUP_NO_MEDIA) != 0;

      /* Media ends with the posts when they are left out. */
      if (r->ended)
        continue;
      r->state = ferry_backup_journal_get_state (self->journal, id);
      ferry_backup_category_set_done (r->category,
                                      json_object_get_int_member_with_default (r->state, "count",
                                                                               0));
      ferry_backup_category_set_state (r->category, FERRY_STEP_STATE_RUNNING, NULL);

      if (g_str_equal (id, "following"))
        ferry_backup_category_set_total (r->category, ferry_account_get_following (self->account));
      else if (g_str_equal (id, "followers"))
        ferry_backup_category_set_total (r->category, ferry_account_get_followers (self->account));
      else if (g_str_equal (id, "posts") && self->posts_since == NULL)
        ferry_backup_category_set_total (r->category, ferry_account_get_statuses (self->account));
      else if (g_str_equal (id, "profile"))
        ferry_backup_category_set_total (r->category, 1);

      if ((g_str_equal (id, "posts") && no_posts) || (g_str_equal (id, "media") && no_media))
        {
          ferry_backup_runner_end (r, FERRY_STEP_STATE_SKIPPED, _("Left out, as chosen."));
          continue;
        }
      if (r->def->kind == KIND_MEDIA)
        {
          ferry_backup_media_maybe_end (self);
          continue;
        }
      if (!json_object_has_member (r->state, "skipped") &&
          !json_object_get_boolean_member_with_default (r->state, "fetched", FALSE))
        {
          gboolean hidden;
          const char *gap = ferry_backup_server_gap (self, id, &hidden);

          /* Not asked at all: the manifest says why, and that none is not "none". */
          if (gap != NULL)
            {
              json_object_set_string_member (r->state, "skipped", gap);
              json_object_set_string_member (r->state, "api", hidden ? "hidden" : "missing");
            }
        }
      if (json_object_get_boolean_member_with_default (r->state, "fetched", FALSE) ||
          json_object_has_member (r->state, "skipped"))
        ferry_backup_runner_write (r);
      else
        ferry_backup_runner_step (r, ferry_backup_runner_fetch);
    }
}

static void
journal_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FerryBackup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_backup_journal_open_finish (FERRY_BACKUP_JOURNAL (object), result, &error))
    {
      GTask *task = g_steal_pointer (&self->task);

      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  self->resumed = ferry_backup_journal_is_resuming (self->journal);
  start_runners (self);
}

static void
make_files_private (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 0077) != 0)
        g_chmod (path, st.st_mode & 0600);
    }
}

/* In a worker thread: the folder, and what an earlier backup in it says. */
/* persistence reader: manifest.json of an earlier backup in the folder */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable_)
{
  const char *handle = task_data;
  FerryBackup *self = source_object;
  g_autofree char *media = g_build_filename (self->dir_path, "media", NULL);
  g_autofree char *manifest_path = g_build_filename (self->dir_path, "manifest.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *manifest;
  JsonObject *account;
  JsonObject *options;

  /* Private posts, DMs, blocks, mutes, notes: the folders are the person's alone. */
  if (g_mkdir_with_parents (self->dir_path, 0700) != 0 || g_chmod (self->dir_path, 0700) != 0 ||
      (!(self->flags & (FERRY_BACKUP_NO_POSTS | FERRY_BACKUP_NO_MEDIA)) &&
       (g_mkdir_with_parents (media, 0700) != 0 || g_chmod (media, 0700) != 0)))
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (self->dir_path);

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not make the folder “%s”: %s"), name, g_strerror (saved));
      return;
    }
  ferry_backup_remove_parts (self->dir_path);
  ferry_backup_remove_parts (media);
  {
    g_autofree char *posts = g_build_filename (self->dir_path, "posts.jsonl", NULL);
    g_autofree char *journal = g_build_filename (self->dir_path, ".ferry-journal", NULL);
    GStatBuf st;

    self->posts_earlier_bytes = g_stat (posts, &st) == 0 ? (gint64) st.st_size : -1;
    /* A backup (or a stopped one) an older Ferry left world-readable: its files become the
     * person's alone too. */
    if (g_file_test (manifest_path, G_FILE_TEST_EXISTS)
        || g_file_test (journal, G_FILE_TEST_IS_DIR))
      {
        make_files_private (self->dir_path);
        make_files_private (media);
        make_files_private (journal);
      }
  }
  if (!json_parser_load_from_file (parser, manifest_path, NULL) ||
      ferry_api_json_root_object (parser) == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  manifest = json_node_get_object (json_parser_get_root (parser));
  account = ferry_backup_object_member (manifest, "account");
  if (account == NULL || g_strcmp0 (ferry_backup_string_member (account, "handle"), handle) != 0)
    {
      g_autofree char *name = g_filename_display_name (self->dir_path);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("“%s” holds the backup of another account (%s). Choose another "
                                 "folder."),
                               name,
                               account ? ferry_backup_string_member (account, "handle") : "?");
      return;
    }
  /* Backing up again into the same folder: only the newer posts are fetched. */
  options = ferry_backup_object_member (manifest, "options");
  if (options != NULL && json_object_get_boolean_member_with_default (options, "posts", FALSE))
    {
      g_task_return_pointer (task, ferry_backup_read_newest_post_id (self->dir_path), g_free);
      return;
    }
  g_task_return_pointer (task, NULL, NULL);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerryBackup *self = FERRY_BACKUP (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *since = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (error != NULL)
    {
      GTask *task = g_steal_pointer (&self->task);

      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  self->posts_since = g_steal_pointer (&since);
  for (guint i = 0; i < FERRY_BACKUP_N_CATEGORIES; i++)
    g_ptr_array_add (ids, (gpointer) ferry_backup_category_defs[i].id);
  g_ptr_array_add (ids, NULL);
  ferry_backup_journal_open_async (self->journal, (const char *const *) ids->pdata,
                                   ferry_backup_cancellable (self), journal_opened_cb,
                                   g_object_ref (self));
}

static void
context_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FerryBackup *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) prepare = NULL;
  FerryAccountContext *context = ferry_account_context_new_finish (result, &error);

  if (context == NULL)
    {
      GTask *task = g_steal_pointer (&self->task);

      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  self->context = context;
  self->info = ferry_account_context_get_server_info (context);
  if (self->info != NULL)
    g_object_ref (self->info);
  self->account = g_object_ref (ferry_account_context_get_account (context));
  self->local_domain = g_strdup (ferry_account_context_get_local_domain (context));
  /* Only Mastodon (and what copies it) throttles pages on their own. */
  if (self->info != NULL &&
      (ferry_server_info_get_migration_kind (self->info) == FERRY_MIGRATION_GOTOSOCIAL_API ||
       ferry_server_info_get_migration_kind (self->info) == FERRY_MIGRATION_AKKOMA_API))
    ferry_rate_limiter_set_paging_budget (ferry_client_get_rate_limiter (self->client), 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);

  prepare = g_task_new (self, ferry_backup_cancellable (self), prepared_cb, NULL);
  g_task_set_source_tag (prepare, context_cb);
  g_task_set_task_data (prepare, ferry_handle_to_string (ferry_account_get_handle (self->account)),
                        g_free);
  g_task_run_in_thread (prepare, prepare_thread);
}

/* FerryJob's run_async: backs up the account, or goes on with a backup an earlier run left
 * unfinished in the same folder, or adds what is new to a finished one. Cancelling keeps what
 * was committed. @cancellable is the job's own. */
static void
ferry_backup_run_async (FerryJob            *job,
                        GCancellable        *cancellable_,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  FerryBackup *self = FERRY_BACKUP (job);

  g_assert (self->task == NULL);
  g_assert (self->account == NULL);   /* one run per job */

  self->task = g_task_new (self, cancellable_, callback, user_data);
  g_task_set_source_tag (self->task, ferry_backup_run_async);
  /* What the server is, then who the account is: asked once, for every category. */
  ferry_account_context_new_async (self->client, NULL, cancellable_, context_cb, self);
}

static gboolean
ferry_backup_run_finish (FerryJob      *job,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether this run went on from an unfinished one. */
gboolean
ferry_backup_get_resumed (FerryBackup *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP (self), FALSE);

  return self->resumed;
}

/* Bytes of images and media written in this run. */
guint64
ferry_backup_get_bytes (FerryBackup *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP (self), 0);

  return self->bytes;
}

GFile *
ferry_backup_get_dir (FerryBackup *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP (self), NULL);

  return self->dir;
}

/**
 * ferry_backup_get_categories:
 *
 * Returns: (transfer none): the #FerryBackupCategory of each kind of thing saved
 */
GListModel *
ferry_backup_get_categories (FerryBackup *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP (self), NULL);

  return ferry_job_get_parts (FERRY_JOB (self));
}

/* Returns: (nullable) (transfer none): the account, once the server has said who it is */
FerryAccount *
ferry_backup_get_account (FerryBackup *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP (self), NULL);

  return self->account;
}

/**
 * ferry_backup_suggest_name:
 *
 * Returns: a folder name for a backup: "Ferry backup of alice@example.social, 2026-11-22"
 */
char *
ferry_backup_suggest_name (const char *handle,
                           GDateTime  *when)
{
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *name = NULL;

  g_return_val_if_fail (handle != NULL, NULL);

  if (handle[0] == '@')
    handle++;
  /* Translators: a folder name; %s is the account, then the date */
  name = g_strdup_printf (_("Ferry backup of %s, %s"), handle, date);
  g_strdelimit (name, "/\\:", '_');
  return g_steal_pointer (&name);
}

/**
 * ferry_backup_estimate:
 * @others: blocks, mutes, bookmarks and the rest together
 * @paging_throttle: whether the server allows only 300 pages per 15 minutes (Mastodon)
 *
 * What a backup will take: requests, time (with the server's limits, at four requests in
 * flight of about a quarter of a second each), and roughly the space.
 */
void
ferry_backup_estimate (gint64               following,
                       gint64               followers,
                       gint64               statuses,
                       gint64               others,
                       gboolean             paging_throttle,
                       FerryBackupFlags     flags,
                       FerryBackupEstimate *estimate)
{
  gint64 pages;
  gint64 requests;
  gint64 media;
  double seconds;

  g_return_if_fail (estimate != NULL);

  following = MAX (following, 0);
  followers = MAX (followers, 0);
  statuses = (flags & FERRY_BACKUP_NO_POSTS) ? 0 : MAX (statuses, 0);
  others = MAX (others, 0);
  /* A tenth of posts have media, a fiftieth were edited (what the large fixture has, and
   * about what people have). */
  media = (flags & FERRY_BACKUP_NO_MEDIA) ? 0 : statuses / 10;
  pages = following / 80 + followers / 80 + statuses / 40 + others / 40 + 16;
  requests = pages + following / RELATIONSHIP_BATCH + statuses / 50 + 8;
  seconds = (requests + media) * 0.25 / 4;
  /* 300 requests per 5 minutes, and on Mastodon 300 pages per 15. */
  seconds = MAX (seconds, (requests / 300) * 300.0);
  if (paging_throttle)
    seconds = MAX (seconds, (pages / 300) * 900.0);
  estimate->requests = (guint) MIN (requests, G_MAXUINT);
  estimate->seconds = (gint64) seconds + 1;
  estimate->bytes = (guint64) statuses * 2048 + (guint64) (following + followers + others) * 64 +
                    (guint64) media * 400 * 1024 + 64 * 1024;
}

/* GObject */

static void
ferry_backup_dispose (GObject *object)
{
  FerryBackup *self = FERRY_BACKUP (object);

  g_assert (self->task == NULL);
  g_clear_object (&self->client);
  g_clear_object (&self->journal);
  g_clear_object (&self->info);
  g_clear_object (&self->account);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ferry_backup_parent_class)->dispose (object);
}

static void
ferry_backup_finalize (GObject *object)
{
  FerryBackup *self = FERRY_BACKUP (object);

  for (guint i = 0; i < FERRY_BACKUP_N_CATEGORIES; i++)
    {
      Runner *r = &self->runners[i];

      ferry_backup_runner_clear_page (r);
      g_clear_pointer (&r->next, g_free);
      g_clear_error (&r->error);
      g_assert (!r->pre_pending);
      ferry_backup_runner_clear_prefetch (r);
    }
  g_queue_clear_full (&self->media_queue, (GDestroyNotify) ferry_backup_media_item_free);
  g_hash_table_unref (self->media_known);
  json_array_unref (self->media_missing);
  g_clear_object (&self->dir);
  g_free (self->dir_path);
  g_free (self->local_domain);
  g_free (self->posts_since);

  G_OBJECT_CLASS (ferry_backup_parent_class)->finalize (object);
}

static void
ferry_backup_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FerryBackup *self = FERRY_BACKUP (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_backup_class_init (FerryBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->dispose = ferry_backup_dispose;
  object_class->finalize = ferry_backup_finalize;
  object_class->get_property = ferry_backup_get_property;

  job_class->run_async = ferry_backup_run_async;
  job_class->run_finish = ferry_backup_run_finish;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, FERRY_TYPE_ACCOUNT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_backup_init (FerryBackup *self)
{
  self->media_known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->media_missing = json_array_new ();
  self->posts_earlier_bytes = -1;
  g_queue_init (&self->media_queue);
}

/**
 * ferry_backup_new:
 * @client: the account's client, signed in
 * @dir: the folder: a new one, one where a backup stopped, or a finished backup to add to
 */
FerryBackup *
ferry_backup_new (FerryClient      *client,
                  GFile            *dir,
                  FerryBackupFlags  flags)
{
  FerryBackup *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (FERRY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (g_file_is_native (dir), NULL);

  path = g_file_get_path (dir);
  /* The job is the folder's: a manager finds it by it. */
  self = g_object_new (FERRY_TYPE_BACKUP, "id", path, NULL);
  self->client = g_object_ref (client);
  self->dir = g_object_ref (dir);
  self->dir_path = g_steal_pointer (&path);
  self->flags = flags;
  self->journal = ferry_backup_journal_new (dir);
  for (guint i = 0; i < FERRY_BACKUP_N_CATEGORIES; i++)
    {
      g_autoptr(FerryBackupCategory) category =
        ferry_backup_category_new (ferry_backup_category_defs[i].id,
                                   g_dgettext (GETTEXT_PACKAGE,
                                               ferry_backup_category_defs[i].title));

      self->runners[i].backup = self;
      self->runners[i].def = &ferry_backup_category_defs[i];
      self->runners[i].category = category;
      ferry_job_add_part (FERRY_JOB (self), FERRY_JOB_PART (category));
    }
  return self;
}

