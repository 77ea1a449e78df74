/* ferry-transfer-check.c: whether an item an earlier run started is already on the new account
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One read per item, the one the item's kind has: the relationship (follows, blocks, mutes,
 * notes, endorsements), the post (bookmarks), or the first page of the collection it would
 * be in (lists, list members, blocked servers, hashtags, filters). A 404 says "not there".
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-collections.h"
#include "ferry-filter.h"
#include "ferry-list.h"
#include "ferry-tag.h"
#include "ferry-transfer-private.h"

static void
return_check (GTask         *task,
              GError        *error,
              TransferCheck  check)
{
  if (error != NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    g_task_return_error (task, error);
  else
    {
      g_clear_error (&error);
      g_task_return_int (task, check);
    }
}

static gboolean
relationship_shows_done (Item              *item,
                         FerryRelationship *relationship)
{
  switch (item->op)
    {
    case OP_FOLLOW:
      return ferry_relationship_get_following (relationship) ||
             ferry_relationship_get_requested (relationship);
    case OP_BLOCK:
      return ferry_relationship_get_blocking (relationship);
    case OP_MUTE:
      return ferry_relationship_get_muting (relationship);
    case OP_ENDORSE:
      return ferry_relationship_get_endorsed (relationship);
    case OP_NOTE:
      return g_strcmp0 (ferry_relationship_get_note (relationship),
                        ferry_transfer_string_member (item->data, "comment")) == 0;
    case OP_PROFILE:
    case OP_LIST:
    case OP_LIST_MEMBER:
    case OP_DOMAIN_BLOCK:
    case OP_BOOKMARK:
    case OP_TAG:
    case OP_FEATURED_TAG:
    case OP_FILTER:
    case OP_IMPORT:
    default:
      return FALSE;
    }
}

static void
relationships_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Item *item = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GPtrArray) relationships = ferry_client_get_relationships_finish (FERRY_CLIENT (object),
                                                                              result, &error);
  FerryRelationship *relationship = relationships != NULL && relationships->len > 0
                                      ? g_ptr_array_index (relationships, 0) : NULL;

  if (relationship != NULL && item->op == OP_FOLLOW &&
      ferry_transfer_is_request (relationship))
    return_check (task, error, TRANSFER_CHECK_REQUESTED);
  else
    return_check (task, error, relationship != NULL && relationship_shows_done (item, relationship)
                                 ? TRANSFER_CHECK_DONE : TRANSFER_CHECK_ABSENT);
}

static gboolean
same_tag (const char *a,
          const char *b)
{
  g_autofree char *fa = a ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *fb = b ? g_utf8_casefold (b, -1) : NULL;

  return fa != NULL && fb != NULL && g_str_equal (fa, fb);
}

/* Whether one of the collection's items is @item, already there; a list found gives the
 * item its id. */
static gboolean
page_shows_done (Item      *item,
                 FerryPage *page)
{
  GPtrArray *items = ferry_page_get_items (page);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      gpointer entry = g_ptr_array_index (items, i);

      if (item->op == OP_LIST && g_strcmp0 (ferry_list_get_title (entry), item->target) == 0)
        {
          g_free (item->id);
          item->id = g_strdup (ferry_list_get_id (entry));
          return TRUE;
        }
      if ((item->op == OP_FILTER &&
           g_strcmp0 (ferry_filter_get_title (entry), item->target) == 0) ||
          ((item->op == OP_TAG || item->op == OP_FEATURED_TAG) &&
           same_tag (ferry_tag_get_name (entry), item->target)) ||
          (item->op == OP_LIST_MEMBER &&
           g_strcmp0 (ferry_account_get_id (entry), item->id) == 0) ||
          (item->op == OP_DOMAIN_BLOCK && g_strcmp0 (entry, item->target) == 0))
        return TRUE;
    }
  return FALSE;
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(FerryPage) page = ferry_client_get_page_finish (FERRY_CLIENT (object), result, &error);

  return_check (task, error, page != NULL && page_shows_done (g_task_get_task_data (task), page)
                               ? TRANSFER_CHECK_DONE : TRANSFER_CHECK_ABSENT);
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(FerryStatus) status = ferry_client_get_status_finish (FERRY_CLIENT (object), result,
                                                                  &error);

  return_check (task, error, status != NULL && ferry_status_get_bookmarked (status)
                               ? TRANSFER_CHECK_DONE : TRANSFER_CHECK_ABSENT);
}

/* Returns: whether a follow's relationship is a request not yet accepted */
gboolean
ferry_transfer_is_request (FerryRelationship *relationship)
{
  return relationship != NULL && ferry_relationship_get_requested (relationship) &&
         !ferry_relationship_get_following (relationship);
}

/**
 * ferry_transfer_check_async:
 * @item: (unowned): it must outlive the call (the transfer's items do)
 *
 * Asks the new server whether @item is there already. The kinds sending again does no harm
 * to (the profile, imports), and a list member whose list has no id, are
 * %TRANSFER_CHECK_ABSENT without a request.
 */
void
ferry_transfer_check_async (FerryClient         *client,
                            Item                *item,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  FerryCollection collection;
  const char *owner = NULL;

  g_task_set_source_tag (task, ferry_transfer_check_async);
  g_task_set_task_data (task, item, NULL);
  switch (item->op)
    {
    case OP_FOLLOW:
    case OP_BLOCK:
    case OP_MUTE:
    case OP_NOTE:
    case OP_ENDORSE:
      {
        const char *ids[] = { item->id, NULL };

        ferry_client_get_relationships_async (client, ids, G_PRIORITY_DEFAULT, cancellable,
                                              relationships_cb, task);
      }
      return;
    case OP_BOOKMARK:
      ferry_client_get_status_async (client, item->id, cancellable, status_cb, task);
      return;
    case OP_LIST:
      collection = FERRY_COLLECTION_LISTS;
      break;
    case OP_LIST_MEMBER:
      if (item->list_item == NULL || item->list_item->id == NULL)
        {
          return_check (task, NULL, TRANSFER_CHECK_ABSENT);
          g_object_unref (task);
          return;
        }
      collection = FERRY_COLLECTION_LIST_MEMBERS;
      owner = item->list_item->id;
      break;
    case OP_DOMAIN_BLOCK:
      collection = FERRY_COLLECTION_DOMAIN_BLOCKS;
      break;
    case OP_TAG:
      /* The list, which every server has (not every one answers /tags/:name). */
      collection = FERRY_COLLECTION_FOLLOWED_TAGS;
      break;
    case OP_FEATURED_TAG:
      collection = FERRY_COLLECTION_FEATURED_TAGS;
      break;
    case OP_FILTER:
      collection = FERRY_COLLECTION_FILTERS;
      break;
    case OP_PROFILE:
    case OP_IMPORT:
    default:
      return_check (task, NULL, TRANSFER_CHECK_ABSENT);
      g_object_unref (task);
      return;
    }
  /* The first page: one request, as the check always sent. */
  ferry_client_get_page_async (client, collection, owner, NULL, G_PRIORITY_DEFAULT, cancellable,
                               page_cb, task);
}

TransferCheck
ferry_transfer_check_finish (FerryClient   *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  gssize check;

  g_return_val_if_fail (g_task_is_valid (result, client), TRANSFER_CHECK_ABSENT);

  check = g_task_propagate_int (G_TASK (result), error);
  return check < 0 ? TRANSFER_CHECK_ABSENT : (TransferCheck) check;
}
