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
#include "ferry-handle.h"
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
  g_clear_pointer (&snapshot->me, json_object_unref);
  g_free (snapshot);
}

typedef enum
{
  LIST_FOLLOWING,
  LIST_BLOCKS,
  LIST_MUTES,
  LIST_DOMAIN_BLOCKS,
  LIST_LISTS,
  LIST_MEMBERS,
  LIST_BOOKMARKS,
  LIST_TAGS,
  LIST_FEATURED,
  LIST_FILTERS,
  LIST_ENDORSEMENTS,
} ListKind;

typedef struct
{
  GTask    *task;    /* unowned: the scan's */
  ListKind  kind;
  char     *list;    /* LIST_MEMBERS: the list's title */
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

static void fetch (GTask *task, ListKind kind, const char *path, const char *list, guint max_items);

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
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *f = user_data;
  GTask *task = f->task;
  FerryTransfer *self = g_task_get_source_object (task);
  Scan *scan = g_task_get_task_data (task);
  Snapshot *s = scan->snapshot;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = ferry_client_list_finish (FERRY_CLIENT (object), result, &error);

  if (array == NULL)
    {
      /* A server without the endpoint (GoToSocial's domain blocks) holds none. */
      if (!g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
          !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_UNSUPPORTED) &&
          scan->error == NULL)
        scan->error = g_steal_pointer (&error);
      goto out;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *acct = o ? ferry_handle_acct_key (ferry_transfer_string_member (o, "acct"),
                                                          self->local_domain)
                                 : NULL;

      switch (f->kind)
        {
        case LIST_FOLLOWING:
          if (acct)
            g_hash_table_add (s->following, g_steal_pointer (&acct));
          break;
        case LIST_BLOCKS:
          if (acct)
            g_hash_table_add (s->blocks, g_steal_pointer (&acct));
          break;
        case LIST_MUTES:
          /* With its end (mute_expires_at, 3.3+), "" for ever: verify compares them. */
          if (acct)
            g_hash_table_insert (s->mutes, g_steal_pointer (&acct),
                                 g_strdup (ferry_transfer_string_member (o, "mute_expires_at") ?: ""));
          break;
        case LIST_ENDORSEMENTS:
          if (acct)
            g_hash_table_add (s->endorsements, g_steal_pointer (&acct));
          break;
        case LIST_DOMAIN_BLOCKS:
          if (JSON_NODE_HOLDS_VALUE (node))
            g_hash_table_add (s->domain_blocks, g_strdup (json_node_get_string (node)));
          break;
        case LIST_BOOKMARKS:
          if (ferry_transfer_string_member (o, "uri"))
            g_hash_table_add (s->bookmarks, g_strdup (ferry_transfer_string_member (o, "uri")));
          break;
        case LIST_TAGS:
        case LIST_FEATURED:
          if (ferry_transfer_string_member (o, "name"))
            g_hash_table_add (f->kind == LIST_TAGS ? s->tags : s->featured,
                              g_utf8_strdown (ferry_transfer_string_member (o, "name"), -1));
          break;
        case LIST_FILTERS:
          if (ferry_transfer_string_member (o, "title"))
            g_hash_table_insert (s->filters, g_strdup (ferry_transfer_string_member (o, "title")),
                                 g_strdup (ferry_transfer_string_member (o, "id")));
          break;
        case LIST_LISTS:
          if (ferry_transfer_string_member (o, "title") && ferry_transfer_string_member (o, "id"))
            {
              g_autofree char *path = g_strdup_printf ("/api/v1/lists/%s/accounts?limit=0",
                                                       ferry_transfer_string_member (o, "id"));
              JsonObject *list = json_object_new ();

              json_object_set_string_member (list, "id", ferry_transfer_string_member (o, "id"));
              json_object_set_object_member (list, "members", json_object_new ());
              g_hash_table_insert (s->lists, g_strdup (ferry_transfer_string_member (o, "title")), list);
              fetch (task, LIST_MEMBERS, path, ferry_transfer_string_member (o, "title"), 0);
            }
          break;
        case LIST_MEMBERS:
          {
            JsonObject *list = g_hash_table_lookup (s->lists, f->list);

            if (list && acct)
              json_object_set_boolean_member (json_object_get_object_member (list, "members"), acct, TRUE);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

out:
  g_free (f->list);
  g_free (f);
  scan_step_done (task);
}

static void
fetch (GTask      *task,
       ListKind    kind,
       const char *path,
       const char *list,
       guint       max_items)
{
  FerryTransfer *self = g_task_get_source_object (task);
  Scan *scan = g_task_get_task_data (task);
  Fetch *f = g_new0 (Fetch, 1);

  f->task = task;
  f->kind = kind;
  f->list = g_strdup (list);
  scan->pending++;
  ferry_client_list_async (self->client, path, max_items, g_task_get_cancellable (task), fetched_cb, f);
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
  const char *id = json_object_get_string_member_with_default (self->me, "id", "");
  g_autofree char *following = g_strdup_printf ("/api/v1/accounts/%s/following?limit=80", id);

  g_task_set_source_tag (task, ferry_transfer_scan_async);
  s->following = new_set ();
  s->blocks = new_set ();
  s->mutes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->domain_blocks = new_set ();
  s->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  s->bookmarks = new_set ();
  s->tags = new_set ();
  s->featured = new_set ();
  s->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->endorsements = new_set ();
  s->me = json_object_ref (self->me);
  scan->snapshot = s;
  scan->pending = 1;   /* until every fetch is out */
  g_task_set_task_data (task, scan, (GDestroyNotify) scan_free);

  if (has_items (self, CAT_FOLLOWING) || has_items (self, CAT_LISTS) || has_items (self, CAT_ENDORSEMENTS))
    fetch (task, LIST_FOLLOWING, following, NULL, 0);
  if (has_items (self, CAT_BLOCKS))
    fetch (task, LIST_BLOCKS, "/api/v1/blocks?limit=80", NULL, 0);
  if (has_items (self, CAT_MUTES))
    fetch (task, LIST_MUTES, "/api/v1/mutes?limit=80", NULL, 0);
  if (has_items (self, CAT_DOMAIN_BLOCKS) && ferry_server_info_has_domain_blocks (self->info))
    fetch (task, LIST_DOMAIN_BLOCKS, "/api/v1/domain_blocks?limit=200", NULL, 0);
  if (has_items (self, CAT_LISTS))
    fetch (task, LIST_LISTS, "/api/v1/lists", NULL, 0);
  if (has_items (self, CAT_BOOKMARKS))
    fetch (task, LIST_BOOKMARKS, "/api/v1/bookmarks?limit=40", NULL, 0);
  if (has_items (self, CAT_FOLLOWED_TAGS))
    fetch (task, LIST_TAGS, "/api/v1/followed_tags?limit=200", NULL, 0);
  if (has_items (self, CAT_FEATURED_TAGS))
    fetch (task, LIST_FEATURED, "/api/v1/featured_tags", NULL, 0);
  if (has_items (self, CAT_FILTERS))
    fetch (task, LIST_FILTERS, "/api/v2/filters", NULL, 0);
  if (has_items (self, CAT_ENDORSEMENTS))
    fetch (task, LIST_ENDORSEMENTS, "/api/v1/endorsements?limit=80", NULL, 0);
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
        JsonObject *list = g_hash_table_lookup (s->lists, item->target);

        if (list == NULL)
          return FALSE;
        g_free (item->id);
        item->id = g_strdup (ferry_transfer_string_member (list, "id"));
        return TRUE;
      }
    case OP_LIST_MEMBER:
      {
        JsonObject *list = g_hash_table_lookup (s->lists, item->list);
        g_autofree char *member = item->depends ? followed_acct (self, item->depends)
                                                : g_strdup (acct);

        return list != NULL && member != NULL &&
               json_object_has_member (json_object_get_object_member (list, "members"), member);
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
