/* ferry-transfer-resolve.c: an item's account found on the new server, once, and kept
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The new server searches for the address (resolve=true: it asks the account's server).
 * What it finds is written to the journal as a record: its id there, locked, where it moved
 * (then "to" and "to_id"), or why there is nothing to do ("c": gone, suspended; "r": in
 * words). A later run reads the record instead of asking again.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-client-search.h"
#include "ferry-handle.h"
#include "ferry-transfer-private.h"

typedef struct
{
  FerryTransfer *self;     /* owned */
  Item          *item;     /* unowned: self->items holds it */
  JsonObject    *record;   /* owned: journaled when this is over */
} Resolve;

static void
resolve_free (Resolve *resolve)
{
  g_object_unref (resolve->self);
  g_clear_pointer (&resolve->record, json_object_unref);
  g_free (resolve);
}

static void
resolve_done (GTask *task)
{
  Resolve *resolve = g_task_get_task_data (task);
  g_autofree char *key = g_strconcat ("a:", resolve->item->target, NULL);

  ferry_transfer_journal_record (resolve->self->journal, key, resolve->record);
  g_task_return_pointer (task, json_object_ref (resolve->record),
                         (GDestroyNotify) json_object_unref);
}

static void
moved_to_resolved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Resolve *resolve = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ferry_client_resolve_finish (FERRY_CLIENT (object), result,
                                                               &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (accounts != NULL && accounts->len > 0)
    {
      FerryAccount *to = g_ptr_array_index (accounts, 0);
      g_autofree char *to_acct = ferry_handle_acct_key (ferry_account_get_acct (to),
                                                        resolve->self->local_domain);

      if (to_acct != NULL && ferry_account_get_id (to) != NULL)
        {
          json_object_set_string_member (resolve->record, "to", to_acct);
          json_object_set_string_member (resolve->record, "to_id", ferry_account_get_id (to));
        }
    }
  resolve_done (task);
}

/* The actor, unsigned: where it names a movedTo, that account is found on the new server. */
static void
actor_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Resolve *resolve = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryActor) actor = ferry_client_get_actor_finish (FERRY_CLIENT (object), result,
                                                               &error);
  const char *moved_to = actor ? ferry_actor_get_moved_to (actor) : NULL;
  GCancellable *cancellable;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* An actor not shown (authorized fetch) or not understood says nothing: the API's word
   * stands. */
  if (moved_to == NULL || !g_str_has_prefix (moved_to, "https://"))
    {
      resolve_done (task);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  ferry_client_resolve_async (resolve->self->client, moved_to, FERRY_SEARCH_ACCOUNTS, 1,
                              cancellable, moved_to_resolved_cb, g_steal_pointer (&task));
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Resolve *resolve = g_task_get_task_data (task);
  FerryTransfer *self = resolve->self;
  JsonObject *record = resolve->record;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ferry_client_resolve_finish (FERRY_CLIENT (object), result,
                                                               &error);
  FerryAccount *found = NULL;

  if (accounts == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      FerryAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *acct = ferry_handle_normalize_acct (ferry_account_get_acct (account),
                                                           self->local_domain);

      if (ferry_handle_acct_equal (acct, resolve->item->target))
        found = account;
    }

  json_object_set_string_member (record, "s", "done");
  if (found == NULL)
    {
      json_object_set_string_member (record, "c", "gone");
      json_object_set_string_member (record, "r",
                                     _("Not found: the account or its server is gone"));
    }
  else if (ferry_account_get_suspended (found))
    {
      json_object_set_string_member (record, "c", "suspended");
      json_object_set_string_member (record, "r", _("Suspended"));
    }
  else
    {
      FerryAccount *moved = ferry_account_get_moved (found);

      json_object_set_string_member (record, "id", ferry_account_get_id (found));
      if (ferry_account_get_locked (found))
        json_object_set_boolean_member (record, "locked", TRUE);
      if (moved != NULL)
        {
          g_autofree char *to_acct = ferry_handle_acct_key (ferry_account_get_acct (moved),
                                                            self->local_domain);

          json_object_set_string_member (record, "to", to_acct);
          json_object_set_string_member (record, "to_id", ferry_account_get_id (moved));
        }
    }
  /* snac's API never shows "moved" for remote accounts (observed-servers.md): there the
   * account's ActivityPub actor says it (movedTo). */
  if (found != NULL && !json_object_has_member (record, "to") &&
      !json_object_has_member (record, "c") && ferry_account_get_uri (found) != NULL &&
      g_strcmp0 (ferry_server_info_get_software (self->info), "snac") == 0)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      ferry_client_get_actor_async (self->client, ferry_account_get_uri (found), cancellable,
                                    actor_cb, g_steal_pointer (&task));
      return;
    }
  resolve_done (task);
}

/**
 * ferry_transfer_resolve_account_async:
 * @item: (unowned): it must outlive the call (the transfer's items do)
 *
 * Finds @item's account (its target) on the new server and journals what was found.
 */
void
ferry_transfer_resolve_account_async (FerryTransfer       *self,
                                      Item                *item,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Resolve *resolve = g_new0 (Resolve, 1);

  g_task_set_source_tag (task, ferry_transfer_resolve_account_async);
  resolve->self = g_object_ref (self);
  resolve->item = item;
  resolve->record = json_object_new ();
  g_task_set_task_data (task, resolve, (GDestroyNotify) resolve_free);
  ferry_client_resolve_async (self->client, item->target, FERRY_SEARCH_ACCOUNTS, 5, cancellable,
                              resolved_cb, task);
}

/* Returns: (transfer full): the journal's record of the account, or %NULL with @error */
JsonObject *
ferry_transfer_resolve_account_finish (FerryTransfer  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
