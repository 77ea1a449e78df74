/* ferry-transfer-items.c: an item's end: journaled, counted, and what waited for it goes on
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-transfer-private.h"

/* Queues @item if what it needs is done; ends it if that ended otherwise. */
void
ferry_transfer_settle (FerryTransfer *self,
                       Item          *item)
{
  gboolean waiting;
  Item *blocker;

  if (item->state != ITEM_PENDING || item->in_import)
    return;
  blocker = ferry_transfer_item_blocker (item, &waiting);
  if (blocker != NULL)
    {
      g_autofree char *reason = NULL;

      if (blocker->op == OP_LIST)
        reason = g_strdup_printf (_("Its list could not be created: %s"),
                                  blocker->reason ? blocker->reason : "");
      else
        reason = g_strdup_printf (_("Not followed: %s"), blocker->reason ? blocker->reason : "");
      ferry_transfer_item_end (self, item, ITEM_SKIPPED, blocker->code ? blocker->code : "gone",
                               reason, blocker->retry);
      return;
    }
  if (waiting)
    return;   /* settled again when that ends */
  if (item->after != NULL && item->after->state != ITEM_SKIPPED && item->after->state != ITEM_FAILED
      && !item->after->settled)
    return;   /* after the import's own work, which would overwrite it: settled again then */
  if (item->op == OP_ENDORSE && item->depends != NULL
      && g_strcmp0 (item->depends->code, "pending") == 0)
    {
      /* Featuring needs a follow; this one waits for the other server's Accept. */
      ferry_transfer_item_end (self, item, ITEM_SKIPPED, "pending",
                               _("Waits for the other server to accept the follow"), TRUE);
      return;
    }
  if (item->op == OP_ENDORSE && item->depends != NULL
      && g_strcmp0 (item->depends->code, "locked") == 0)
    {
      /* A follow request counts for list membership, not for featuring (api-facts §3.8, §4). */
      ferry_transfer_item_end (self, item, ITEM_SKIPPED, "locked",
                               _("Waits for the locked account to accept the follow request"),
                               TRUE);
      return;
    }
  ferry_transfer_queue_item (self, item);
}

static void
settle_dependents (FerryTransfer *self,
                   Item          *item)
{
  for (guint i = 0; item->dependents && i < item->dependents->len; i++)
    ferry_transfer_settle (self, g_ptr_array_index (item->dependents, i));
}

static const char *
state_word (ItemState state)
{
  switch (state)
    {
    case ITEM_DONE:
      return "done";
    case ITEM_SKIPPED:
      return "skipped";
    case ITEM_FAILED:
      return "failed";
    case ITEM_PENDING:
    case ITEM_ACTIVE:
    default:
      return "pending";
    }
}

/**
 * ferry_transfer_item_end:
 *
 * @item is over, for this run at least: journaled, counted, and what waited for it goes on.
 */
void
ferry_transfer_item_end (FerryTransfer *self,
                         Item          *item,
                         ItemState      state,
                         const char    *code,
                         const char    *reason,
                         gboolean       retry)
{
  g_autoptr(JsonObject) record = json_object_new ();
  gboolean was_active = item->state == ITEM_ACTIVE;

  item->state = state;
  g_free (item->code);
  item->code = g_strdup (code);
  g_free (item->reason);
  item->reason = g_strdup (reason);
  item->retry = retry;

  json_object_set_string_member (record, "s", state_word (state));
  if (code != NULL)
    json_object_set_string_member (record, "c", code);
  if (reason != NULL)
    json_object_set_string_member (record, "r", reason);
  if (retry)
    json_object_set_boolean_member (record, "retry", TRUE);
  if (item->id != NULL)
    json_object_set_string_member (record, "id", item->id);
  if (item->op == OP_FOLLOW && item->sent)
    json_object_set_int_member (record, "day", item->sent_day);
  ferry_transfer_journal_record (self->journal, item->key, record);

  if (item->op == OP_FOLLOW && item->counted && !item->sent && self->follows_today > 0)
    self->follows_today--;
  item->counted = FALSE;

  /* An import the server took (202) is only begun: its members wait, journaled nowhere,
   * until ferry_transfer_settle_imports() has seen what the server's work made of them. */
  if (item->op == OP_IMPORT && state == ITEM_DONE)
    self->check_imports = TRUE;
  for (guint i = 0; state != ITEM_DONE && item->members && i < item->members->len; i++)
    {
      Item *member = g_ptr_array_index (item->members, i);

      member->in_import = FALSE;
      if (member->state == ITEM_PENDING)
        ferry_transfer_item_end (self, member, state, code, reason, retry);
    }
  settle_dependents (self, item);

  if (was_active)
    {
      self->active--;
      ferry_transfer_pump_later (self);
    }
  ferry_transfer_progress_later (self);
}

/* @item goes again later in this run (tomorrow's follows), or in the next. */
void
ferry_transfer_item_requeue (FerryTransfer *self,
                             Item          *item)
{
  if (item->op == OP_FOLLOW && item->counted && !item->sent && self->follows_today > 0)
    self->follows_today--;
  item->counted = FALSE;
  item->sent = FALSE;
  if (item->state == ITEM_ACTIVE)
    {
      self->active--;
      ferry_transfer_pump_later (self);
    }
  item->state = ITEM_PENDING;
  ferry_transfer_queue_item (self, item);
}

/* A 429 on a follow: the server counts more follows today than the journal (some made
 * elsewhere). None more today. */
void
ferry_transfer_follows_spent (FerryTransfer *self)
{
  self->follows_today =
    MAX (self->follows_today, self->follow_limit > 0 ? self->follow_limit : MASTODON_FOLLOWS);
  if (self->follow_limit == 0)
    self->follow_limit = MASTODON_FOLLOWS;
}

/* Ends the run once the items under way are back: the error is for the person. Takes it. */
void
ferry_transfer_stop (FerryTransfer *self,
                     GError        *error)
{
  g_autoptr(GError) owned = error;

  /* The job keeps the first failure; what is in flight is cancelled. */
  if (owned != NULL)
    ferry_job_fail (FERRY_JOB (self), owned);
  g_cancellable_cancel (ferry_job_get_cancellable (FERRY_JOB (self)));
  ferry_transfer_pump_later (self);
}
