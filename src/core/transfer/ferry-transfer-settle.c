/* ferry-transfer-settle.c: waiting, bounded and in words, for the server's own work: its
 * import, and the other servers' Accepts
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GoToSocial's import answers 202 and works the rows off in the background, one at a time
 * (internal/processing/account/import.go pushes the work onto its processing queue); one slow
 * remote lookup held it for 30 s. Until a row is done its follow does not exist, so list
 * members, expiring mutes and the follows the import misses wait for it: Ferry looks again
 * every few seconds (fewer as it goes on) until everything arrived, or nothing arrived for
 * a few minutes, or a cap that grows with the size of the import. A follow of an account on
 * another server is a request until that server's Accept comes back (seconds on snac); at
 * the end the run waits for those too, as long, and says what still waits.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-transfer-private.h"

#define SETTLE_FIRST   5      /* seconds before the first look again */
#define SETTLE_MOST    60     /* the longest between two looks */
#define SETTLE_STALL   180    /* nothing new for this long: the server's work is over */
#define SETTLE_CAP     900    /* the longest wait, plus SETTLE_PER_ITEM for each thing waited for */
#define SETTLE_PER_ITEM 3
#define RELATIONSHIPS_BATCH 40

static gint64
now (FerryTransfer *self)
{
  return ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (self->client));
}

/* What the run waits for, in words (the job's status); %NULL: nothing. */
void
ferry_transfer_set_status (FerryTransfer *self,
                           const char    *status)
{
  ferry_job_set_status (FERRY_JOB (self), status);
  ferry_transfer_progress_now (self);
}

/* GoToSocial's answer for a list member whose follow is not (yet) a follow: a 404
 * (internal/processing/list/updateentries.go AddToList: "account … not currently followed").
 * Decided on the status and the server's own text, never on Ferry's sentence. */
gboolean
ferry_transfer_not_yet_followed (const GError *error)
{
  const char *text = ferry_api_error_get_server_text (error);

  return g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
         ferry_api_error_get_http_status (error) == 404 &&
         text != NULL && strstr (text, "not currently followed") != NULL;
}

static void
begin_wait (FerryTransfer *self,
            guint          seen)
{
  if (self->settle_start != 0)
    return;
  self->settle_start = self->settle_change = now (self);
  self->settle_seen = seen;
  self->settle_interval = SETTLE_FIRST;
}

/* Whether the wait is over: everything there, nothing new for a while, or the cap. */
static gboolean
wait_over (FerryTransfer *self,
           guint          seen,
           guint          total)
{
  gint64 t = now (self);

  if (seen > self->settle_seen)
    {
      self->settle_seen = seen;
      self->settle_change = t;
    }
  return seen >= total || t - self->settle_change >= SETTLE_STALL ||
         t - self->settle_start >= SETTLE_CAP + (gint64) total * SETTLE_PER_ITEM;
}

static void
end_wait (FerryTransfer *self)
{
  self->settle_start = 0;
  self->sleeping = FALSE;
  ferry_job_set_running (FERRY_JOB (self));
  ferry_transfer_set_status (self, NULL);
}

typedef void (*AgainFunc) (FerryTransfer *self);

typedef struct
{
  FerryTransfer *self;   /* owned */
  AgainFunc      again;
} Nap;

static void
napped_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Nap *nap = user_data;
  g_autoptr(FerryTransfer) self = nap->self;
  g_autoptr(GError) error = NULL;
  AgainFunc again = nap->again;

  g_free (nap);
  ferry_job_set_running (FERRY_JOB (self));
  if (!ferry_client_sleep_finish (FERRY_CLIENT (object), result, &error))
    {
      end_wait (self);
      ferry_transfer_stop (self, g_steal_pointer (&error));
      return;
    }
  again (self);
}

static void
nap (FerryTransfer *self,
     AgainFunc      again)
{
  Nap *n = g_new0 (Nap, 1);

  n->self = g_object_ref (self);
  n->again = again;
  /* The job waits, and says for what (its status), until the next look. */
  ferry_job_set_waiting (FERRY_JOB (self),
                         g_get_real_time () + (gint64) self->settle_interval * G_USEC_PER_SEC,
                         ferry_job_get_status (FERRY_JOB (self)));
  ferry_client_sleep_async (self->client, self->settle_interval, ferry_transfer_cancellable (self),
                            napped_cb, n);
  self->settle_interval = MIN (self->settle_interval * 2, SETTLE_MOST);
}

/* Imports */

static gboolean
waiting_import (Item *item)
{
  return item->op == OP_IMPORT && item->state == ITEM_DONE && !item->settled;
}

static void look_at_imports (FerryTransfer *self);

static void
imports_scanned_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FerryTransfer) self = user_data;
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = ferry_transfer_scan_finish (self, result, &error);
  g_autoptr(JsonObject) record = NULL;
  guint seen = 0, total = 0;

  if (snapshot == NULL)
    {
      end_wait (self);
      ferry_transfer_stop (self, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *import = g_ptr_array_index (self->items, i);

      if (!waiting_import (import))
        continue;
      for (guint j = 0; j < import->members->len; j++)
        {
          Item *member = g_ptr_array_index (import->members, j);

          if (member->state != ITEM_PENDING || !member->in_import)
            continue;
          total++;
          seen += ferry_transfer_snapshot_has (self, snapshot, member);
        }
    }
  begin_wait (self, seen);
  if (!wait_over (self, seen, total))
    {
      g_autofree char *status =
        g_strdup_printf (_("Waiting for %s to finish its import: %u of %u there"),
                         ferry_client_get_host (self->client), seen, total);

      ferry_transfer_set_status (self, status);
      ferry_transfer_snapshot_free (snapshot);
      nap (self, look_at_imports);
      return;
    }

  /* Over: what arrived is done; the rest goes through the API, checked first (the import
   * may have left a follow request that no list shows). */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *import = g_ptr_array_index (self->items, i);

      if (!waiting_import (import))
        continue;
      for (guint j = 0; j < import->members->len; j++)
        {
          Item *member = g_ptr_array_index (import->members, j);

          if (member->state != ITEM_PENDING || !member->in_import)
            continue;
          member->in_import = FALSE;
          if (ferry_transfer_snapshot_has (self, snapshot, member))
            ferry_transfer_item_end (self, member, ITEM_DONE, "imported", NULL, FALSE);
          else
            member->uncertain = TRUE;
        }
      import->settled = TRUE;
    }
  ferry_transfer_snapshot_free (snapshot);
  record = json_object_new ();
  json_object_set_string_member (record, "s", "done");
  ferry_transfer_journal_record (self->journal, "check:imports", record);
  end_wait (self);
  ferry_transfer_start_items (self);
}

static void
look_at_imports (FerryTransfer *self)
{
  if (g_cancellable_is_cancelled (ferry_transfer_cancellable (self)))
    {
      end_wait (self);
      ferry_transfer_pump_later (self);
      return;
    }
  ferry_transfer_scan_async (self, ferry_transfer_cancellable (self), imports_scanned_cb,
                             g_object_ref (self));
}

/**
 * ferry_transfer_settle_imports:
 *
 * Waits for the imports the server took to be worked off (nothing else starts meanwhile),
 * then goes on with what waited for them and with what they missed.
 */
void
ferry_transfer_settle_imports (FerryTransfer *self)
{
  self->check_imports = FALSE;
  self->sleeping = TRUE;
  look_at_imports (self);
}

/* Accepts */

static gboolean
awaiting_accept (Item *item)
{
  return item->op == OP_FOLLOW && item->state == ITEM_DONE && item->id != NULL &&
         g_strcmp0 (item->code, "pending") == 0;
}

static void look_at_follows (FerryTransfer *self);

typedef struct
{
  FerryTransfer *self;   /* owned */
  GPtrArray     *batch;  /* Item*, unowned */
  guint          next;   /* the next batch starts here in self->items */
  guint          seen;
  guint          total;
} Look;

static void look_next_batch (Look *look);

static void
follows_done (Look *look)
{
  FerryTransfer *self = look->self;

  begin_wait (self, look->seen);
  if (!wait_over (self, look->seen, look->total))
    {
      g_autofree char *status =
        g_strdup_printf (ngettext ("Waiting for the other servers to accept %u follow",
                                   "Waiting for the other servers to accept %u follows",
                                   look->total - look->seen), look->total - look->seen);

      ferry_transfer_set_status (self, status);
      nap (self, look_at_follows);
    }
  else
    {
      self->settle_follows = TRUE;
      /* What waited for those follows goes now: list members GoToSocial refused, featuring. */
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);

          if (item->depends == NULL || item->depends->state != ITEM_DONE ||
              g_strcmp0 (item->depends->code, "pending") == 0 || !item->retry ||
              (g_strcmp0 (item->code, "waiting") != 0 && g_strcmp0 (item->code, "pending") != 0))
            continue;
          item->state = ITEM_PENDING;
        }
      end_wait (self);
      ferry_transfer_start_items (self);
    }
  g_clear_pointer (&look->batch, g_ptr_array_unref);
  g_object_unref (look->self);
  g_free (look);
}

static void
relationships_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Look *look = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relationships =
    ferry_client_get_relationships_finish (FERRY_CLIENT (object), result, &error);

  if (relationships == NULL)
    {
      FerryTransfer *self = look->self;

      end_wait (self);
      ferry_transfer_stop (self, g_steal_pointer (&error));
      g_ptr_array_unref (look->batch);
      g_object_unref (look->self);
      g_free (look);
      return;
    }
  for (guint i = 0; i < relationships->len; i++)
    {
      FerryRelationship *relationship = g_ptr_array_index (relationships, i);
      const char *id = ferry_relationship_get_id (relationship);

      if (!ferry_relationship_get_following (relationship))
        continue;
      for (guint j = 0; j < look->batch->len; j++)
        {
          Item *item = g_ptr_array_index (look->batch, j);

          if (g_strcmp0 (item->id, id) == 0 && awaiting_accept (item))
            {
              ferry_transfer_item_end (look->self, item, ITEM_DONE, NULL, NULL, FALSE);
              look->seen++;
            }
        }
    }
  look_next_batch (look);
}

static void
look_next_batch (Look *look)
{
  FerryTransfer *self = look->self;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) batch = NULL;

  g_ptr_array_set_size (look->batch, 0);
  for (; look->next < self->items->len && look->batch->len < RELATIONSHIPS_BATCH; look->next++)
    {
      Item *item = g_ptr_array_index (self->items, look->next);

      if (!awaiting_accept (item))
        continue;
      g_ptr_array_add (look->batch, item);
      g_strv_builder_add (ids, item->id);
    }
  if (look->batch->len == 0)
    {
      follows_done (look);
      return;
    }
  batch = g_strv_builder_end (ids);
  ferry_client_get_relationships_async (self->client, (const char * const *) batch,
                                        G_PRIORITY_DEFAULT, ferry_transfer_cancellable (self),
                                        relationships_cb, look);
}

static void
look_at_follows (FerryTransfer *self)
{
  Look *look;

  if (g_cancellable_is_cancelled (ferry_transfer_cancellable (self)))
    {
      end_wait (self);
      ferry_transfer_pump_later (self);
      return;
    }
  look = g_new0 (Look, 1);
  look->self = g_object_ref (self);
  look->batch = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    look->total += awaiting_accept (g_ptr_array_index (self->items, i));
  /* Counted from the start of the wait: those accepted before are in settle_seen. */
  look->seen = self->settle_start != 0 ? self->settle_seen : 0;
  look->total += look->seen;
  look_next_batch (look);
}

/**
 * ferry_transfer_settle_follows:
 *
 * At the end of a run: when follows wait for the other servers' Accept, waits for them
 * (bounded), then lets what hung on them go. Returns %FALSE when there is nothing to wait for.
 */
gboolean
ferry_transfer_settle_follows (FerryTransfer *self)
{
  gboolean any = FALSE;

  if (self->settle_follows)
    return FALSE;
  for (guint i = 0; i < self->items->len && !any; i++)
    any = awaiting_accept (g_ptr_array_index (self->items, i));
  if (!any)
    {
      self->settle_follows = TRUE;
      return FALSE;
    }
  self->sleeping = TRUE;
  look_at_follows (self);
  return TRUE;
}
