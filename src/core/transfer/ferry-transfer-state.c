/* ferry-transfer-state.c: what the new account holds, read back, and compared item by item
 * with the backup
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scan reads the new account's follows, blocks, mutes, blocked domains, lists with their
 * members, bookmarks, hashtags, filters and featured profiles (only the categories the
 * backup has items in). The first run uses it to skip what is already there; verify uses it
 * to prove what arrived, and to say for everything else why not.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-collections.h"
#include "ferry-filter.h"
#include "ferry-handle.h"
#include "ferry-list.h"
#include "ferry-tag.h"
#include "ferry-csv.h"
#include "ferry-transfer-private.h"

static GHashTable *
new_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
ferry_transfer_snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->following, g_hash_table_unref);
  g_clear_pointer (&snapshot->blocks, g_hash_table_unref);
  g_clear_pointer (&snapshot->mutes, g_hash_table_unref);
  g_clear_pointer (&snapshot->domain_blocks, g_hash_table_unref);
  g_clear_pointer (&snapshot->lists, g_hash_table_unref);
  g_clear_pointer (&snapshot->bookmarks, g_hash_table_unref);
  g_clear_pointer (&snapshot->tags, g_hash_table_unref);
  g_clear_pointer (&snapshot->featured, g_hash_table_unref);
  g_clear_pointer (&snapshot->filters, g_hash_table_unref);
  g_clear_pointer (&snapshot->endorsements, g_hash_table_unref);
  g_free (snapshot);
}

typedef struct
{
  GTask           *task;        /* unowned: the scan's */
  FerryCollection  collection;
  char            *list;        /* FERRY_COLLECTION_LIST_MEMBERS: the list's title */
} Fetch;

typedef struct
{
  Snapshot *snapshot;
  guint     pending;
  GError   *error;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_pointer (&scan->snapshot, ferry_transfer_snapshot_free);
  g_clear_error (&scan->error);
  g_free (scan);
}

static void fetch (GTask           *task,
                   FerryCollection  collection,
                   const char      *owner_id,
                   const char      *list);

static void
scan_step_done (GTask *task)
{
  Scan *scan = g_task_get_task_data (task);

  if (--scan->pending > 0)
    return;
  if (scan->error != NULL)
    g_task_return_error (task, g_steal_pointer (&scan->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&scan->snapshot),
                           (GDestroyNotify) ferry_transfer_snapshot_free);
  g_object_unref (task);
}

static void
snap_list_free (SnapList *list)
{
  g_free (list->id);
  g_hash_table_unref (list->members);
  g_free (list);
}

/* An account listed by the new server, under the key the items' targets have. */
static void
add_account (FerryTransfer *self,
             GHashTable    *set,
             FerryAccount  *account,
             const char    *value)
{
  g_autofree char *acct = ferry_handle_acct_key (ferry_account_get_acct (account),
                                                 self->local_domain);

  if (acct != NULL)
    g_hash_table_insert (set, g_steal_pointer (&acct), g_strdup (value));
}

static void
add_item (GTask           *task,
          Fetch           *f,
          gpointer         item)
{
  FerryTransfer *self = g_task_get_source_object (task);
  Snapshot *s = ((Scan *) g_task_get_task_data (task))->snapshot;

  switch (f->collection)
    {
    case FERRY_COLLECTION_FOLLOWING:
      add_account (self, s->following, item, NULL);
      break;
    case FERRY_COLLECTION_BLOCKS:
      add_account (self, s->blocks, item, NULL);
      break;
    case FERRY_COLLECTION_MUTES:
      /* With its end (mute_expires_at, 3.3+), "" for ever: verify compares them. */
      add_account (self, s->mutes, item, ferry_account_get_mute_expires_at (item) ?: "");
      break;
    case FERRY_COLLECTION_ENDORSEMENTS:
      add_account (self, s->endorsements, item, NULL);
      break;
    case FERRY_COLLECTION_DOMAIN_BLOCKS:
      g_hash_table_add (s->domain_blocks, g_strdup (item));
      break;
    case FERRY_COLLECTION_BOOKMARKS:
      if (ferry_status_get_uri (item) != NULL)
        g_hash_table_add (s->bookmarks, g_strdup (ferry_status_get_uri (item)));
      break;
    case FERRY_COLLECTION_FOLLOWED_TAGS:
    case FERRY_COLLECTION_FEATURED_TAGS:
      if (ferry_tag_get_name (item) != NULL)
        g_hash_table_add (f->collection == FERRY_COLLECTION_FOLLOWED_TAGS ? s->tags : s->featured,
                          g_utf8_strdown (ferry_tag_get_name (item), -1));
      break;
    case FERRY_COLLECTION_FILTERS:
      if (ferry_filter_get_title (item) != NULL)
        g_hash_table_insert (s->filters, g_strdup (ferry_filter_get_title (item)),
                             g_strdup (ferry_filter_get_id (item)));
      break;
    case FERRY_COLLECTION_LISTS:
      if (ferry_list_get_title (item) != NULL && ferry_list_get_id (item) != NULL)
        {
          SnapList *list = g_new0 (SnapList, 1);

          list->id = g_strdup (ferry_list_get_id (item));
          list->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (s->lists, g_strdup (ferry_list_get_title (item)), list);
          fetch (task, FERRY_COLLECTION_LIST_MEMBERS, list->id, ferry_list_get_title (item));
        }
      break;
    case FERRY_COLLECTION_LIST_MEMBERS:
      {
        SnapList *list = g_hash_table_lookup (s->lists, f->list);

        if (list != NULL)
          add_account (self, list->members, item, NULL);
      }
      break;
    case FERRY_COLLECTION_FOLLOWERS:
    case FERRY_COLLECTION_FAVOURITES:
    case FERRY_COLLECTION_STATUSES:
    case FERRY_COLLECTION_PINNED:
    default:
      g_assert_not_reached ();
    }
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *f = user_data;
  GTask *task = f->task;
  Scan *scan = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ferry_client_list_all_finish (FERRY_CLIENT (object), result,
                                                             &error);

  if (items == NULL)
    {
      /* A server without the endpoint (GoToSocial's domain blocks) holds none. */
      if (!g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
          !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED) &&
          scan->error == NULL)
        scan->error = g_steal_pointer (&error);
    }
  for (guint i = 0; items != NULL && i < items->len; i++)
    add_item (task, f, g_ptr_array_index (items, i));

  g_free (f->list);
  g_free (f);
  scan_step_done (task);
}

static void
fetch (GTask           *task,
       FerryCollection  collection,
       const char      *owner_id,
       const char      *list)
{
  FerryTransfer *self = g_task_get_source_object (task);
  Scan *scan = g_task_get_task_data (task);
  Fetch *f = g_new0 (Fetch, 1);

  f->task = task;
  f->collection = collection;
  f->list = g_strdup (list);
  scan->pending++;
  ferry_client_list_all_async (self->client, collection, owner_id, 0,
                               g_task_get_cancellable (task), fetched_cb, f);
}

static gboolean
has_items (FerryTransfer *self,
           Cat            cat)
{
  for (guint i = 0; i < self->items->len; i++)
    if (((Item *) g_ptr_array_index (self->items, i))->cat == cat)
      return TRUE;
  return FALSE;
}

void
ferry_transfer_scan_async (FerryTransfer       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Scan *scan = g_new0 (Scan, 1);
  Snapshot *s = g_new0 (Snapshot, 1);
  const char *id = ferry_account_get_id (self->me);

  g_task_set_source_tag (task, ferry_transfer_scan_async);
  s->following = new_set ();
  s->blocks = new_set ();
  s->mutes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->domain_blocks = new_set ();
  s->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) snap_list_free);
  s->bookmarks = new_set ();
  s->tags = new_set ();
  s->featured = new_set ();
  s->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->endorsements = new_set ();
  scan->snapshot = s;
  scan->pending = 1;   /* until every fetch is out */
  g_task_set_task_data (task, scan, (GDestroyNotify) scan_free);

  if (has_items (self, CAT_FOLLOWING) || has_items (self, CAT_LISTS) ||
      has_items (self, CAT_ENDORSEMENTS))
    fetch (task, FERRY_COLLECTION_FOLLOWING, id, NULL);
  if (has_items (self, CAT_BLOCKS))
    fetch (task, FERRY_COLLECTION_BLOCKS, NULL, NULL);
  if (has_items (self, CAT_MUTES))
    fetch (task, FERRY_COLLECTION_MUTES, NULL, NULL);
  if (has_items (self, CAT_DOMAIN_BLOCKS) && ferry_server_info_has_domain_blocks (self->info))
    fetch (task, FERRY_COLLECTION_DOMAIN_BLOCKS, NULL, NULL);
  if (has_items (self, CAT_LISTS))
    fetch (task, FERRY_COLLECTION_LISTS, NULL, NULL);
  if (has_items (self, CAT_BOOKMARKS))
    fetch (task, FERRY_COLLECTION_BOOKMARKS, NULL, NULL);
  if (has_items (self, CAT_FOLLOWED_TAGS))
    fetch (task, FERRY_COLLECTION_FOLLOWED_TAGS, NULL, NULL);
  if (has_items (self, CAT_FEATURED_TAGS))
    fetch (task, FERRY_COLLECTION_FEATURED_TAGS, NULL, NULL);
  if (has_items (self, CAT_FILTERS))
    fetch (task, FERRY_COLLECTION_FILTERS, NULL, NULL);
  if (has_items (self, CAT_ENDORSEMENTS))
    fetch (task, FERRY_COLLECTION_ENDORSEMENTS, NULL, NULL);
  scan_step_done (task);
}

Snapshot *
ferry_transfer_scan_finish (FerryTransfer  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_transfer_snapshot_lost_expiry:
 *
 * Returns: whether @item, a mute that should end, is on the account as a mute for ever (an
 *   import's mute, which has no end, overwrote it)
 */
gboolean
ferry_transfer_snapshot_lost_expiry (FerryTransfer *self,
                                     Snapshot      *s,
                                     Item          *item)
{
  g_autofree char *acct = ferry_handle_acct_key (item->target, NULL);
  const char *there;

  if (item->op != OP_MUTE || ferry_transfer_string_member (item->data, "expires_at") == NULL)
    return FALSE;
  there = acct ? g_hash_table_lookup (s->mutes, acct) : NULL;
  return there != NULL && there[0] == '\0';
}

/* The account a follow went to: its new address if it had moved. */
static char *
followed_acct (FerryTransfer *self,
               Item          *item)
{
  g_autofree char *key = g_strconcat ("a:", item->target, NULL);
  JsonObject *resolved = ferry_transfer_journal_lookup (self->journal, key);
  const char *to = resolved ? ferry_transfer_string_member (resolved, "to") : NULL;

  return ferry_handle_acct_key (to ? to : item->target, NULL);
}

gboolean
ferry_transfer_snapshot_has (FerryTransfer *self,
                             Snapshot      *s,
                             Item          *item)
{
  g_autofree char *acct = ferry_handle_acct_key (item->target, NULL);
  g_autofree char *tag = NULL;

  if (acct == NULL && (item->op == OP_BLOCK || item->op == OP_MUTE || item->op == OP_ENDORSE))
    return FALSE;   /* no account the servers would know */

  switch (item->op)
    {
    case OP_FOLLOW:
      {
        g_autofree char *followed = followed_acct (self, item);

        return followed != NULL && g_hash_table_contains (s->following, followed);
      }
    case OP_BLOCK:
      return g_hash_table_contains (s->blocks, acct);
    case OP_MUTE:
      return g_hash_table_contains (s->mutes, acct);
    case OP_ENDORSE:
      return g_hash_table_contains (s->endorsements, acct);
    case OP_DOMAIN_BLOCK:
      return g_hash_table_contains (s->domain_blocks, item->target);
    case OP_BOOKMARK:
      return g_hash_table_contains (s->bookmarks, item->target);
    case OP_TAG:
    case OP_FEATURED_TAG:
      tag = g_utf8_strdown (item->target, -1);
      return g_hash_table_contains (item->op == OP_TAG ? s->tags : s->featured, tag);
    case OP_FILTER:
      return g_hash_table_contains (s->filters, item->target);
    case OP_LIST:
      {
        SnapList *list = g_hash_table_lookup (s->lists, item->target);

        if (list == NULL)
          return FALSE;
        g_free (item->id);
        item->id = g_strdup (list->id);
        return TRUE;
      }
    case OP_LIST_MEMBER:
      {
        SnapList *list = g_hash_table_lookup (s->lists, item->list);
        g_autofree char *member = item->depends ? followed_acct (self, item->depends)
                                                : g_strdup (acct);

        return list != NULL && member != NULL && g_hash_table_contains (list->members, member);
      }
    case OP_IMPORT:
      for (guint i = 0; i < item->members->len; i++)
        if (!ferry_transfer_snapshot_has (self, s, g_ptr_array_index (item->members, i)))
          return FALSE;
      return TRUE;
    case OP_PROFILE:
    case OP_NOTE:
    default:
      return FALSE;   /* not listed by any API: the journal's word stands */
    }
}
