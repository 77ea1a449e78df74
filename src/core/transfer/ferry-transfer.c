/* ferry-transfer.c: everything in a backup re-created on the new account, within its limits
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One job: prepare (sign-in check, server, the backup's items, the journal), then run. The
 * first run looks at what the new account already holds, so nothing there is sent again
 * (which also finishes what a CSV import missed). Items then go a few at a time, category
 * by category, each journaled (ferry-transfer-journal.c) and re-created by
 * ferry-transfer-apply.c. Follows on Mastodon are at most 400 a day: when they are spent,
 * the rest wait for 00:00 UTC while everything else goes on; list members and featured
 * profiles wait for their follow.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-transfer-private.h"

enum {
  PROP_0,
  PROP_NEXT_BATCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FerryTransfer, ferry_transfer, FERRY_TYPE_JOB)

static void pump (FerryTransfer *self);

static void
ferry_transfer_dispose (GObject *object)
{
  FerryTransfer *self = FERRY_TRANSFER (object);

  g_clear_handle_id (&self->pump_source, g_source_remove);
  g_clear_handle_id (&self->recount_source, g_source_remove);
  g_clear_object (&self->client);
  g_clear_object (&self->dir);
  g_clear_object (&self->journal);
  g_clear_object (&self->info);
  g_clear_object (&self->task);

  G_OBJECT_CLASS (ferry_transfer_parent_class)->dispose (object);
}

static void
ferry_transfer_finalize (GObject *object)
{
  FerryTransfer *self = FERRY_TRANSFER (object);

  g_free (self->dir_path);
  g_free (self->report_path);
  g_strfreev (self->only);
  g_clear_object (&self->me);
  g_free (self->local_domain);
  g_free (self->import_url);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  for (guint i = 0; i < N_CATS; i++)
    g_clear_pointer (&self->queues[i], g_ptr_array_unref);
  g_ptr_array_unref (self->warnings);
  g_hash_table_unref (self->statuses);
  g_clear_pointer (&self->report, json_object_unref);

  G_OBJECT_CLASS (ferry_transfer_parent_class)->finalize (object);
}

static void
ferry_transfer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FerryTransfer *self = FERRY_TRANSFER (object);

  switch (prop_id)
    {
    case PROP_NEXT_BATCH:
      g_value_set_int64 (value, self->next_batch);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void ferry_transfer_run_async  (FerryJob            *job,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
static gboolean ferry_transfer_run_finish (FerryJob      *job,
                                           GAsyncResult  *result,
                                           GError       **error);

static void
ferry_transfer_class_init (FerryTransferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FerryJobClass *job_class = FERRY_JOB_CLASS (klass);

  object_class->dispose = ferry_transfer_dispose;
  object_class->finalize = ferry_transfer_finalize;
  object_class->get_property = ferry_transfer_get_property;
  job_class->run_async = ferry_transfer_run_async;
  job_class->run_finish = ferry_transfer_run_finish;

  properties[PROP_NEXT_BATCH] =
    g_param_spec_int64 ("next-batch", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_transfer_init (FerryTransfer *self)
{
  for (Cat cat = 0; cat < N_CATS; cat++)
    {
      g_autoptr(FerryBackupCategory) category =
        ferry_backup_category_new (ferry_transfer_cat_id (cat), ferry_transfer_cat_title (cat));

      /* The job's parts, in the order of Cat. */
      ferry_job_add_part (FERRY_JOB (self), FERRY_JOB_PART (category));
      self->queues[cat] = g_ptr_array_new ();
    }
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->wait_for_days = TRUE;
}

/**
 * ferry_transfer_new:
 * @client: the new account's, signed in
 * @backup_dir: a finished backup of the old account
 */
FerryTransfer *
ferry_transfer_new (FerryClient *client,
                    GFile       *backup_dir)
{
  FerryTransfer *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (FERRY_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_FILE (backup_dir), NULL);

  path = g_file_get_path (backup_dir);

  /* The job's id is the backup's folder, as the job manager remembers it. */
  self = g_object_new (FERRY_TYPE_TRANSFER, "id", path, NULL);
  self->client = g_object_ref (client);
  self->dir = g_object_ref (backup_dir);
  self->dir_path = g_file_get_path (backup_dir);
  return self;
}

GFile *
ferry_transfer_get_backup_dir (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);

  return self->dir;
}

/* Only these categories (ids as in the backup's manifest); %NULL: all. Before preparing. */
void
ferry_transfer_set_only (FerryTransfer      *self,
                         const char * const *categories)
{
  g_return_if_fail (FERRY_IS_TRANSFER (self));
  g_return_if_fail (!self->prepared);

  g_strfreev (self->only);
  self->only = g_strdupv ((GStrv) categories);
}

void
ferry_transfer_set_method (FerryTransfer       *self,
                           FerryTransferMethod  method)
{
  g_return_if_fail (FERRY_IS_TRANSFER (self));
  g_return_if_fail (!self->prepared);

  self->method = method;
}

FerryTransferMethod
ferry_transfer_get_method (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), FERRY_TRANSFER_METHOD_AUTO);

  return self->method;
}

/**
 * ferry_transfer_set_wait_for_days:
 * @wait: whether a run waits for 00:00 UTC when the day's follows are spent (the app), or
 *   ends then, to be run again later (ferry-cli)
 */
void
ferry_transfer_set_wait_for_days (FerryTransfer *self,
                                  gboolean       wait)
{
  g_return_if_fail (FERRY_IS_TRANSFER (self));

  self->wait_for_days = wait;
}

/**
 * ferry_transfer_get_categories:
 *
 * Returns: (transfer none): the job's parts, a #GListModel of #FerryBackupCategory: done of
 *   total per category
 */
GListModel *
ferry_transfer_get_categories (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);

  return ferry_job_get_parts (FERRY_JOB (self));
}

/* When the follows waiting for the next day go on (server time, Unix seconds); 0: none wait. */
gint64
ferry_transfer_get_next_batch (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), 0);

  return self->next_batch;
}

/* The new server's daily limit of follows through the API; 0 when it has none. */
guint
ferry_transfer_get_follows_per_day (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), 0);

  return self->follow_limit;
}

/* How many follows still wait for the other server's Accept (after a run). */
guint
ferry_transfer_get_n_awaiting_accept (FerryTransfer *self)
{
  guint n = 0;

  g_return_val_if_fail (FERRY_IS_TRANSFER (self), 0);

  for (guint i = 0; self->items && i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      n +=
        item->op == OP_FOLLOW && item->state == ITEM_DONE && g_strcmp0 (item->code, "pending") == 0;
    }
  return n;
}

/* The new server's import page, for Mastodon's CSV import (after preparing). */
const char *
ferry_transfer_get_import_url (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);

  return self->import_url;
}

/**
 * ferry_transfer_get_warnings:
 *
 * Returns: (transfer full): what the person should know before starting, in words
 */
GStrv
ferry_transfer_get_warnings (FerryTransfer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);

  for (guint i = 0; i < self->warnings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->warnings, i));
  return g_strv_builder_end (builder);
}

gint64
ferry_transfer_server_day (FerryTransfer *self)
{
  return ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (self->client)) / 86400;
}

/* The job's own, chained to the caller's. */
GCancellable *
ferry_transfer_cancellable (FerryTransfer *self)
{
  return ferry_job_get_cancellable (FERRY_JOB (self));
}

/* Progress: recounted once per turn of the main loop at most; the job notifies it, a few
 * times a second at most (its throttle). */

static void
recount (FerryTransfer *self)
{
  GListModel *parts = ferry_job_get_parts (FERRY_JOB (self));
  const char *status = ferry_job_get_status (FERRY_JOB (self));
  guint ended = 0, all = 0;
  guint done[N_CATS] = { 0 }, total[N_CATS] = { 0 }, skipped[N_CATS] = { 0 },
        failed[N_CATS] = { 0 };
  gboolean waiting[N_CATS] = { FALSE };
  gboolean waiting_server[N_CATS] = { FALSE };

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->op == OP_IMPORT)
        continue;
      total[item->cat]++;
      all++;
      if (item->state == ITEM_DONE || item->state == ITEM_SKIPPED || item->state == ITEM_FAILED)
        {
          done[item->cat]++;
          ended++;
        }
      skipped[item->cat] += item->state == ITEM_SKIPPED;
      failed[item->cat] += item->state == ITEM_FAILED;
      waiting_server[item->cat] |=
        item->in_import || (item->after != NULL && item->state == ITEM_PENDING)
        || (item->op == OP_FOLLOW && g_strcmp0 (item->code, "pending") == 0);
    }
  waiting[CAT_FOLLOWING] = self->waiting_day;
  for (Cat cat = 0; cat < N_CATS; cat++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (parts, cat);
      g_autofree char *detail = NULL;
      FerryStepState state;

      ferry_backup_category_set_total (category, total[cat]);
      ferry_backup_category_set_done (category, done[cat]);
      if (failed[cat] > 0)
        detail = g_strdup_printf (ngettext ("%u could not be re-created",
                                            "%u could not be re-created", failed[cat]),
                                  failed[cat]);
      else if (skipped[cat] > 0)
        detail = g_strdup_printf (ngettext ("%u skipped, with the reason",
                                            "%u skipped, with the reason", skipped[cat]),
                                  skipped[cat]);
      if (waiting[cat])
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (self->next_batch);
          g_autofree char *time = g_date_time_format (when, "%X");

          g_free (detail);
          detail = g_strdup_printf (_("%u follows a day: the next go on at %s"),
                                    self->follow_limit, time);
        }
      if (status != NULL && waiting_server[cat])
        {
          /* What the server's own work holds up, said where it shows (the app's rows). */
          g_free (detail);
          detail = g_strdup (status);
        }
      if (total[cat] == 0)
        state = FERRY_STEP_STATE_SKIPPED;
      else if (done[cat] == total[cat])
        state = failed[cat] > 0 ? FERRY_STEP_STATE_FAILED : FERRY_STEP_STATE_DONE;
      else
        state = self->task != NULL ? FERRY_STEP_STATE_RUNNING : FERRY_STEP_STATE_PENDING;
      ferry_backup_category_set_state (category, state, detail);
    }
  ferry_job_set_progress (FERRY_JOB (self), ended, all);
  if (all == 0)
    ferry_job_set_fraction (FERRY_JOB (self), 0.0);
}

static gboolean
recount_cb (gpointer user_data)
{
  FerryTransfer *self = user_data;

  self->recount_source = 0;
  recount (self);
  return G_SOURCE_REMOVE;
}

static void
progress_changed (FerryTransfer *self,
                  gboolean       now)
{
  if (self->items == NULL)
    return;
  if (now)
    {
      g_clear_handle_id (&self->recount_source, g_source_remove);
      recount (self);
    }
  else if (self->recount_source == 0)
    self->recount_source = g_idle_add (recount_cb, self);
}

void
ferry_transfer_progress_now (FerryTransfer *self)
{
  progress_changed (self, TRUE);
}

void
ferry_transfer_progress_later (FerryTransfer *self)
{
  progress_changed (self, FALSE);
}

/* Items ending */

void
ferry_transfer_queue_item (FerryTransfer *self,
                           Item          *item)
{
  g_ptr_array_add (self->queues[item->cat], item);
}

static gboolean
pump_cb (gpointer user_data)
{
  FerryTransfer *self = user_data;

  self->pump_source = 0;
  pump (self);
  return G_SOURCE_REMOVE;
}

void
ferry_transfer_pump_later (FerryTransfer *self)
{
  if (self->pump_source == 0)
    self->pump_source = g_idle_add (pump_cb, self);
}

/* Running */

static Item *
next_ready (FerryTransfer *self,
            gboolean      *follows_blocked)
{
  gint64 day = ferry_transfer_server_day (self);

  if (day != self->follow_day)
    {
      self->follow_day = day;
      self->follows_today = ferry_transfer_journal_count_day (self->journal, "follow:", day);
    }
  *follows_blocked = FALSE;
  for (Cat cat = 0; cat < N_CATS; cat++)
    {
      GPtrArray *queue = self->queues[cat];

      while (self->cursor[cat] < queue->len)
        {
          Item *item = g_ptr_array_index (queue, self->cursor[cat]);

          if (item->state != ITEM_PENDING)
            {
              self->cursor[cat]++;
              continue;
            }
          if (item->op == OP_FOLLOW && self->follow_limit > 0
              && self->follows_today >= self->follow_limit)
            {
              *follows_blocked = TRUE;
              break;
            }
          self->cursor[cat]++;
          return item;
        }
    }
  return NULL;
}

static void
complete_run (FerryTransfer *self,
              GError        *flush_error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GError) error = flush_error;
  const GError *first;

  if (error != NULL)
    ferry_job_fail (FERRY_JOB (self), error);
  progress_changed (self, TRUE);

  /* The job's first failure wins; then a cancellation (the job's cancellable is the task's). */
  first = ferry_job_get_error (FERRY_JOB (self));
  if (first != NULL)
    g_task_return_error (task, g_error_copy (first));
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
run_flushed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FerryTransfer) self = user_data;
  GError *error = NULL;

  ferry_transfer_journal_flush_finish (FERRY_TRANSFER_JOURNAL (object), result, &error);
  complete_run (self, error);
}

static void
finish_run (FerryTransfer *self)
{
  if (self->finishing)
    return;
  self->finishing = TRUE;
  if (self->journal == NULL)
    complete_run (self, NULL);
  else
    ferry_transfer_journal_flush_async (self->journal, NULL, run_flushed_cb, g_object_ref (self));
}

static void
slept_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FerryTransfer) self = user_data;
  g_autoptr(GError) error = NULL;

  self->sleeping = FALSE;
  self->waiting_day = FALSE;
  ferry_job_set_running (FERRY_JOB (self));
  if (!ferry_client_sleep_finish (FERRY_CLIENT (object), result, &error))
    ferry_job_fail (FERRY_JOB (self), error);   /* not a cancellation: the job knows that */
  progress_changed (self, FALSE);
  pump (self);
}

static void
slept_flushed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FerryTransfer *self = user_data;
  gint64 seconds = self->next_batch -
                   ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (self->client));
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (self->next_batch);
  g_autofree char *time = g_date_time_format (when, "%X");
  g_autofree char *reason = g_strdup_printf (_("%u follows a day: the next go on at %s"),
                                             self->follow_limit, time);

  /* A journal that could not be written shows at the next flush. */
  ferry_transfer_journal_flush_finish (FERRY_TRANSFER_JOURNAL (object), result, NULL);
  ferry_job_set_waiting (FERRY_JOB (self), g_get_real_time () + MAX (seconds, 1) * G_USEC_PER_SEC,
                         reason);
  ferry_client_sleep_async (self->client, seconds, ferry_transfer_cancellable (self),
                            slept_cb, self);
}

static void start_items (FerryTransfer *self);

static void
pump_resumed (FerryJob *job,
              gpointer  user_data)
{
  FerryTransfer *self = FERRY_TRANSFER (job);

  /* Resumed, or cancelled while paused: pump() tells which. */
  self->pump_parked = FALSE;
  pump (self);
}

static void
pump (FerryTransfer *self)
{
  gboolean follows_blocked = FALSE;
  Item *item;

  if (self->task == NULL || self->sleeping || self->finishing)
    return;
  if (ferry_job_get_error (FERRY_JOB (self)) != NULL || ferry_job_is_cancelled (FERRY_JOB (self)))
    {
      if (self->active == 0)
        finish_run (self);
      return;
    }
  /* Paused: what is in flight comes back; nothing new starts until the job is resumed. */
  if (ferry_job_is_paused (FERRY_JOB (self)))
    {
      if (!self->pump_parked)
        {
          self->pump_parked = TRUE;
          ferry_job_when_running (FERRY_JOB (self), pump_resumed, NULL);
        }
      return;
    }

  while (self->active < MAX_ACTIVE && (item = next_ready (self, &follows_blocked)) != NULL)
    {
      item->state = ITEM_ACTIVE;
      self->active++;
      if (item->op == OP_FOLLOW)
        {
          item->counted = TRUE;
          self->follows_today++;
        }
      ferry_transfer_start_item (self, item);
    }
  if (self->active > 0)
    return;

  if (follows_blocked)
    {
      gint64 next = (ferry_transfer_server_day (self) + 1) * 86400 + 1;

      if (self->next_batch != next)
        {
          self->next_batch = next;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_BATCH]);
        }
      self->waiting_day = TRUE;
      progress_changed (self, TRUE);
      if (!self->wait_for_days)
        {
          finish_run (self);
          return;
        }
      self->sleeping = TRUE;
      ferry_transfer_journal_flush_async (self->journal, NULL, slept_flushed_cb,
                                          g_object_ref (self));
      return;
    }
  if (self->next_batch != 0)
    {
      self->next_batch = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_BATCH]);
    }
  self->waiting_day = FALSE;
  if (self->check_imports)
    {
      ferry_transfer_settle_imports (self);
      return;
    }
  /* The transfer ends when the servers' work has settled (or says what still waits). */
  if (ferry_job_get_error (FERRY_JOB (self)) == NULL && ferry_transfer_settle_follows (self))
    return;
  if (ferry_job_get_error (FERRY_JOB (self)) == NULL && !self->reported)
    {
      self->reported = TRUE;
      ferry_transfer_report_at_end (self);
      return;
    }
  finish_run (self);
}

static void
build_queues (FerryTransfer *self)
{
  for (Cat cat = 0; cat < N_CATS; cat++)
    {
      g_ptr_array_set_size (self->queues[cat], 0);
      self->cursor[cat] = 0;
    }
  for (guint i = 0; i < self->items->len; i++)
    ferry_transfer_settle (self, g_ptr_array_index (self->items, i));
}

static void
start_items (FerryTransfer *self)
{
  build_queues (self);
  progress_changed (self, TRUE);
  pump (self);
}

/* Takes @warning: something the person should know, found while running. */
void
ferry_transfer_add_warning (FerryTransfer *self,
                            char          *warning)
{
  g_ptr_array_add (self->warnings, warning);
}

void
ferry_transfer_start_items (FerryTransfer *self)
{
  start_items (self);
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FerryTransfer) self = user_data;
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = ferry_transfer_scan_finish (self, result, &error);

  if (snapshot == NULL)
    {
      ferry_transfer_stop (self, g_steal_pointer (&error));
      finish_run (self);
      return;
    }
  {
    g_autoptr(JsonObject) record = json_object_new ();

    /* Later runs go on from the journal, without looking again. */
    json_object_set_string_member (record, "s", "done");
    ferry_transfer_journal_record (self->journal, "scan", record);
  }

  /* What the account already holds is done: nothing is sent twice. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if ((item->state == ITEM_PENDING || (item->state == ITEM_FAILED && item->retry)) &&
          ferry_transfer_snapshot_has (self, snapshot, item))
        {
          item->state = ITEM_PENDING;
          ferry_transfer_item_end (self, item, ITEM_DONE, NULL, NULL, FALSE);
        }
    }
  ferry_transfer_snapshot_free (snapshot);
  start_items (self);
}

static void run_prepared (FerryTransfer *self);

static void
run_prepare_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FerryTransfer) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_transfer_prepare_finish (self, result, &error))
    {
      ferry_transfer_stop (self, g_steal_pointer (&error));
      finish_run (self);
      return;
    }
  run_prepared (self);
}

static void
run_prepared (FerryTransfer *self)
{
  /* Failed items that can be retried are retried, checked first. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->state == ITEM_FAILED && item->retry)
        {
          item->state = ITEM_PENDING;
          /* A mute that lost its end is there: asking would call it done. */
          item->uncertain = g_strcmp0 (item->code, "expiry") != 0;
        }
    }
  if (ferry_transfer_journal_is_new (self->journal) || self->method == FERRY_TRANSFER_METHOD_CSV)
    {
      ferry_transfer_scan_async (self, ferry_transfer_cancellable (self), scanned_cb,
                                 g_object_ref (self));
    }
  else
    start_items (self);
}

/* FerryJob's run_async: re-creates what the backup holds on the new account: all of it, or
 * what is left from an earlier run. Cancelling stops it with nothing lost; running another
 * transfer of the same backup goes on. @cancellable is the job's own. One run per job. */
static void
ferry_transfer_run_async (FerryJob            *job,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  FerryTransfer *self = FERRY_TRANSFER (job);

  g_assert (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ferry_transfer_run_async);
  self->finishing = FALSE;
  self->sleeping = FALSE;
  self->settle_follows = FALSE;
  self->reported = FALSE;
  self->settle_start = 0;

  if (!self->prepared)
    ferry_transfer_prepare_async (self, cancellable, run_prepare_cb, g_object_ref (self));
  else
    run_prepared (self);
}

static gboolean
ferry_transfer_run_finish (FerryJob      *job,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, job), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
