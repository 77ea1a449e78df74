/* ferry-backup-fetch.c: fetching: pages with their relationships and histories, lists, filters, the
 * profile
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: the journal's cursors, counts and lists (ferry-backup-journal.c).
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"
#include "ferry-client-accounts.h"
#include "ferry-client-collections.h"
#include "ferry-filter.h"
#include "ferry-list.h"

/* A request for the page (a relationship, a history) failed: the runner fails with it. */
static gboolean
failed_on_the_way (Runner *r)
{
  g_autoptr(GError) error = g_steal_pointer (&r->error);

  if (error == NULL)
    return FALSE;
  ferry_backup_runner_fail (r, error);
  return TRUE;
}

/* The page is whole (with its relationships and histories): into the journal with it. */
static void
runner_page_complete (Runner *r)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  guint n = 0;

  if (failed_on_the_way (r))
    return;
  for (guint i = 0; r->page && i < ferry_page_get_items (r->page)->len; i++)
    {
      g_autoptr(JsonObject) item =
        ferry_backup_stage_item (r, g_ptr_array_index (ferry_page_get_items (r->page), i));

      if (item != NULL)
        {
          ferry_backup_append_line (lines, item);
          n++;
        }
    }
  g_clear_object (&r->page);
  g_clear_pointer (&r->rels, g_ptr_array_unref);
  g_clear_pointer (&r->histories, g_hash_table_unref);
  ferry_backup_runner_commit (r, lines, n);
}

static void
request_done (Runner *r)
{
  g_assert (r->pending > 0);
  if (--r->pending == 0)
    runner_page_complete (r);
}

static void
relationships_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rels = ferry_client_get_relationships_finish (FERRY_CLIENT (object), result,
                                                                     &error);

  if (rels == NULL && r->error == NULL)
    r->error = g_steal_pointer (&error);
  for (guint i = 0; rels != NULL && i < rels->len; i++)
    g_ptr_array_add (r->rels, g_object_ref (g_ptr_array_index (rels, i)));
  request_done (r);
}

typedef struct
{
  Runner *runner;
  char   *id;
} HistoryRequest;

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HistoryRequest *request = user_data;
  Runner *r = request->runner;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = ferry_client_get_status_history_finish (FERRY_CLIENT (object),
                                                                       result, &error);

  if (answer != NULL)
    g_hash_table_replace (r->histories, g_strdup (request->id), g_steal_pointer (&answer));
  else if (error != NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
           r->error == NULL)
    r->error = g_steal_pointer (&error);
  g_free (request->id);
  g_free (request);
  request_done (r);
}

/* Paged categories */

static void prefetch (Runner *r);

/* The posts are the longest chain of requests, one page after the other: they go first. */
static int
page_priority (Runner *r)
{
  return (r->def->flags & POSTS) ? G_PRIORITY_HIGH : G_PRIORITY_DEFAULT;
}

/* The relationships of a page of accounts, in batches. */
static void
ask_relationships (Runner *r)
{
  FerryBackup *self = r->backup;
  GPtrArray *items = ferry_page_get_items (r->page);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  r->rels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      g_ptr_array_add (ids, (gpointer) ferry_account_get_id (g_ptr_array_index (items, i)));
      if (ids->len == RELATIONSHIP_BATCH || i + 1 == items->len)
        {
          g_ptr_array_add (ids, NULL);
          r->pending++;
          ferry_client_get_relationships_async (self->client, (const char * const *) ids->pdata,
                                                G_PRIORITY_DEFAULT,
                                                ferry_backup_cancellable (self),
                                                relationships_cb, r);
          g_ptr_array_set_size (ids, 0);
        }
    }
}

/* The edit history of each edited post of the page. */
static void
ask_histories (Runner *r)
{
  FerryBackup *self = r->backup;
  GPtrArray *items = ferry_page_get_items (r->page);

  r->histories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_node_unref);
  for (guint i = 0; i < items->len; i++)
    {
      FerryStatus *status = g_ptr_array_index (items, i);
      HistoryRequest *request;

      /* Only edited posts have a history worth asking for. */
      if (ferry_status_get_edited_at (status) == NULL)
        continue;
      request = g_new0 (HistoryRequest, 1);
      request->runner = r;
      request->id = g_strdup (ferry_status_get_id (status));
      r->pending++;
      ferry_client_get_status_history_async (self->client, request->id, G_PRIORITY_HIGH,
                                             ferry_backup_cancellable (self), history_cb,
                                             request);
    }
}

/* A page's answer: its items, then what they need (relationships, histories). */
static void
take_page (Runner    *r,
           FerryPage *page,
           GError    *error)
{
  FerryBackup *self = r->backup;
  GPtrArray *items;

  if (page == NULL)
    {
      /* persistence reader: the journal's count and cursor */
      if (json_object_get_int_member_with_default (r->state, "count", 0) == 0 &&
          !json_object_has_member (r->state, "next") &&
          ferry_backup_runner_skip_if_missing (r, error))
        return;
      ferry_backup_runner_fail (r, error);
      return;
    }
  r->page = g_object_ref (page);
  items = ferry_page_get_items (page);
  /* Backing up again: the posts an earlier backup has end the paging. */
  for (guint i = 0; (r->def->flags & POSTS) && self->posts_since != NULL && i < items->len; i++)
    if (!ferry_backup_id_newer (ferry_status_get_id (g_ptr_array_index (items, i)),
                                self->posts_since))
      {
        ferry_page_truncate (page, i);
        break;
      }
  g_free (r->next);
  r->next = g_strdup (ferry_page_get_next (page));
  prefetch (r);

  r->pending = 1;   /* this function's own share, released below */
  if ((r->def->flags & WITH_RELATIONSHIPS) && items->len > 0)
    ask_relationships (r);
  else if (r->def->flags & WITH_RELATIONSHIPS)
    r->rels = g_ptr_array_new_with_free_func (g_object_unref);
  if (r->def->flags & POSTS)
    ask_histories (r);
  request_done (r);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPage) page = ferry_client_get_page_finish (FERRY_CLIENT (object), result, &error);

  take_page (r, page, error);
}

static void
prefetch_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(FerryBackup) self = r->backup;   /* the reference prefetch() took */

  r->pre_pending = FALSE;
  r->pre_page = ferry_client_get_page_finish (FERRY_CLIENT (object), result, &r->pre_error);
  if (r->ended)
    {
      ferry_backup_runner_clear_prefetch (r);
      return;
    }
  if (r->pre_wanted)
    {
      g_autoptr(FerryPage) page = g_steal_pointer (&r->pre_page);
      g_autoptr(GError) error = g_steal_pointer (&r->pre_error);

      r->pre_wanted = FALSE;
      g_clear_pointer (&r->pre_url, g_free);
      take_page (r, page, error);
    }
}

/* Asks for the next page now: its answer comes while this one is completed and committed,
 * which is most of a page's time. Nothing of it counts until it is committed in turn. */
static void
prefetch (Runner *r)
{
  if (r->next == NULL || r->pre_url != NULL || ferry_job_is_paused (FERRY_JOB (r->backup)))
    return;
  r->pre_url = g_strdup (r->next);
  r->pre_pending = TRUE;
  /* The answer may come after the job has ended: it keeps the job alive until then. */
  g_object_ref (r->backup);
  ferry_client_get_page_async (r->backup->client, r->def->collection, NULL, r->pre_url,
                               page_priority (r), ferry_backup_cancellable (r->backup),
                               prefetch_cb, r);
}

void
ferry_backup_runner_clear_prefetch (Runner *r)
{
  if (r->pre_pending)
    return;   /* its callback clears it */
  g_clear_pointer (&r->pre_url, g_free);
  g_clear_object (&r->pre_page);
  g_clear_error (&r->pre_error);
  r->pre_wanted = FALSE;
}

/* What a runner holds of the page it works on. */
void
ferry_backup_runner_clear_page (Runner *r)
{
  g_clear_object (&r->page);
  g_clear_pointer (&r->rels, g_ptr_array_unref);
  g_clear_pointer (&r->profile, json_object_unref);
  g_clear_pointer (&r->histories, g_hash_table_unref);
  g_clear_pointer (&r->uris, g_hash_table_unref);
}

static void
pinned_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPage) page = ferry_client_get_page_finish (FERRY_CLIENT (object), result, &error);
  JsonArray *pinned;

  /* Which are pinned is asked on the posts' own route: a passing 404 there is a failure
   * too, where the software is known to have it. */
  if (page == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID) &&
      (ferry_backup_server_known (r->backup) ||
       !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND)))
    {
      ferry_backup_runner_fail (r, error);
      return;
    }
  pinned = json_array_new ();
  for (guint i = 0; page != NULL && i < ferry_page_get_items (page)->len; i++)
    {
      FerryStatus *status = g_ptr_array_index (ferry_page_get_items (page), i);

      json_array_add_string_element (pinned, ferry_status_get_id (status));
    }
  json_object_set_array_member (r->state, "pinned", pinned);
  ferry_backup_runner_fetch (r);
}

static void lists_fetch (Runner *r);
static void filters_fetch (Runner *r);
static void profile_fetch (Runner *r);

void
ferry_backup_runner_fetch (Runner *r)
{
  FerryBackup *self = r->backup;
  /* persistence reader: the journal's cursor, the next page's URL as the server gave it */
  const char *next = ferry_backup_string_member (r->state, "next");

  switch (r->def->kind)
    {
    case KIND_LISTS:
      lists_fetch (r);
      return;
    case KIND_FILTERS:
      filters_fetch (r);
      return;
    case KIND_PROFILE:
      profile_fetch (r);
      return;
    case KIND_MEDIA:
      g_assert_not_reached ();
    case KIND_PAGED:
    default:
      break;
    }

  /* Which posts are pinned: asked once, kept in the journal with the first page. */
  if ((r->def->flags & POSTS) && !json_object_has_member (r->state, "pinned"))
    {
      ferry_client_get_page_async (self->client, FERRY_COLLECTION_PINNED,
                                   ferry_account_get_id (self->account), NULL, G_PRIORITY_DEFAULT,
                                   ferry_backup_cancellable (self), pinned_cb, r);
      return;
    }
  if (next != NULL && g_strcmp0 (next, r->pre_url) == 0)
    {
      g_autoptr(FerryPage) page = NULL;
      g_autoptr(GError) error = NULL;

      if (r->pre_pending)
        {
          r->pre_wanted = TRUE;
          return;
        }
      page = g_steal_pointer (&r->pre_page);
      error = g_steal_pointer (&r->pre_error);
      g_clear_pointer (&r->pre_url, g_free);
      take_page (r, page, error);
      return;
    }
  ferry_backup_runner_clear_prefetch (r);
  ferry_client_get_page_async (self->client, r->def->collection,
                               ferry_account_get_id (self->account), next, page_priority (r),
                               ferry_backup_cancellable (self), page_cb, r);
}

/* Lists: all of them, then each one's members (limit=0: all at once). */

static void
list_members_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPage) page = ferry_client_get_page_finish (FERRY_CLIENT (object), result, &error);
  /* persistence reader: the lists as the journal keeps them, and which one is next */
  JsonArray *lists = ferry_backup_array_member (r->state, "lists");
  gint64 index = json_object_get_int_member_with_default (r->state, "index", 0);
  JsonObject *line;
  JsonArray *members;
  GPtrArray *accounts;
  g_autoptr(GString) lines = g_string_new (NULL);

  if (page == NULL)
    {
      ferry_backup_runner_fail (r, error);
      return;
    }
  line = json_node_get_object (ferry_backup_deep_copy (json_array_get_element (lists, index)));
  json_object_ref (line);
  members = json_array_new ();
  accounts = ferry_page_get_items (page);
  for (guint i = 0; i < accounts->len; i++)
    {
      FerryAccount *member = g_ptr_array_index (accounts, i);
      g_autofree char *acct = ferry_account_context_full_acct (r->backup->context,
                                                               ferry_account_get_acct (member));

      json_array_add_string_element (members, acct);
    }
  json_object_remove_member (line, "id");
  json_object_set_array_member (line, "members", members);
  ferry_backup_append_line (lines, line);
  json_object_unref (line);

  json_object_set_int_member (r->state, "index", index + 1);
  g_free (r->next);
  r->next = index + 1 < (gint64) json_array_get_length (lists) ? g_strdup ("lists") : NULL;
  ferry_backup_runner_commit (r, lines, 1);
}

static void
lists_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryPage) page = ferry_client_get_page_finish (FERRY_CLIENT (object), result, &error);
  GPtrArray *items;
  JsonArray *lists;

  if (page == NULL)
    {
      if (!ferry_backup_runner_skip_if_missing (r, error))
        ferry_backup_runner_fail (r, error);
      return;
    }
  lists = json_array_new ();
  items = ferry_page_get_items (page);
  for (guint i = 0; i < items->len; i++)
    {
      FerryList *list = g_ptr_array_index (items, i);
      JsonObject *kept = json_object_new ();
      const char *title = ferry_list_get_title (list);
      const char *policy = ferry_list_get_replies_policy (list);

      json_object_set_string_member (kept, "id", ferry_list_get_id (list));
      json_object_set_string_member (kept, "title", title ? title : "");
      if (policy != NULL)
        json_object_set_string_member (kept, "replies_policy", policy);
      if (ferry_list_has_exclusive (list))
        json_object_set_boolean_member (kept, "exclusive", ferry_list_get_exclusive (list));
      json_array_add_object_element (lists, kept);
    }
  json_object_set_array_member (r->state, "lists", lists);
  json_object_set_int_member (r->state, "index", 0);
  ferry_backup_category_set_total (r->category, json_array_get_length (lists));
  if (json_array_get_length (lists) == 0)
    {
      g_autoptr(GString) none = g_string_new (NULL);

      g_clear_pointer (&r->next, g_free);
      ferry_backup_runner_commit (r, none, 0);
      return;
    }
  lists_fetch (r);
}

static void
lists_fetch (Runner *r)
{
  FerryBackup *self = r->backup;
  /* persistence reader: the lists as the journal keeps them, and which one is next */
  JsonArray *lists = ferry_backup_array_member (r->state, "lists");
  gint64 index = json_object_get_int_member_with_default (r->state, "index", 0);

  if (lists == NULL)
    {
      ferry_client_get_page_async (self->client, FERRY_COLLECTION_LISTS, NULL, NULL,
                                   G_PRIORITY_DEFAULT, ferry_backup_cancellable (self), lists_cb,
                                   r);
      return;
    }
  ferry_backup_category_set_total (r->category, json_array_get_length (lists));
  ferry_client_get_page_async (self->client, FERRY_COLLECTION_LIST_MEMBERS,
                               ferry_backup_string_member (ferry_backup_array_object (lists, index),
                                                           "id"),
                               NULL, G_PRIORITY_DEFAULT, ferry_backup_cancellable (self),
                               list_members_cb, r);
}

/* Filters, in the shape of Mastodon 4.6's custom_filters.json; the posts a filter names are
 * kept by their address. */

static void
filters_complete (Runner *r)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  GPtrArray *items = ferry_page_get_items (r->page);
  guint n = 0;

  if (failed_on_the_way (r))
    return;
  for (guint i = 0; i < items->len; i++)
    {
      FerryFilter *filter = g_ptr_array_index (items, i);
      g_autoptr(JsonObject) line = json_object_new ();
      JsonArray *keywords = json_array_new ();
      JsonArray *statuses = json_array_new ();
      const char * const *context = ferry_filter_get_context (filter);
      const char * const *ids = ferry_filter_get_status_ids (filter);
      const char *title = ferry_filter_get_title (filter);
      const char *action = ferry_filter_get_action (filter);

      json_object_set_string_member (line, "title", title ? title : "");
      if (ferry_filter_get_expires_at (filter) != NULL)
        json_object_set_string_member (line, "expires_at", ferry_filter_get_expires_at (filter));
      else
        json_object_set_null_member (line, "expires_at");
      if (context != NULL)
        {
          JsonArray *kept = json_array_new ();

          for (guint k = 0; context[k] != NULL; k++)
            json_array_add_string_element (kept, context[k]);
          json_object_set_array_member (line, "context", kept);
        }
      json_object_set_string_member (line, "action", action ? action : "warn");
      for (guint k = 0; k < ferry_filter_get_n_keywords (filter); k++)
        {
          JsonObject *kept = json_object_new ();

          json_object_set_string_member (kept, "keyword", ferry_filter_get_keyword (filter, k));
          json_object_set_boolean_member (kept, "whole_word",
                                          ferry_filter_get_whole_word (filter, k));
          json_array_add_object_element (keywords, kept);
        }
      for (guint k = 0; ids[k] != NULL; k++)
        {
          const char *uri = g_hash_table_lookup (r->uris, ids[k]);

          if (uri != NULL)
            json_array_add_string_element (statuses, uri);
        }
      json_object_set_array_member (line, "keywords_attributes", keywords);
      json_object_set_array_member (line, "statuses", statuses);
      ferry_backup_append_line (lines, line);
      n++;
    }
  g_clear_object (&r->page);
  g_clear_pointer (&r->uris, g_hash_table_unref);
  g_clear_pointer (&r->next, g_free);
  ferry_backup_runner_commit (r, lines, n);
}

typedef struct
{
  Runner *runner;
  char   *status_id;
} StatusRequest;

static void
filter_status_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  StatusRequest *request = user_data;
  Runner *r = request->runner;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryStatus) status = ferry_client_get_status_finish (FERRY_CLIENT (object), result,
                                                                  &error);
  const char *uri = status ? ferry_status_get_uri (status) : NULL;

  if (uri != NULL)
    g_hash_table_replace (r->uris, g_strdup (request->status_id), g_strdup (uri));
  else if (error != NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
           r->error == NULL)
    r->error = g_steal_pointer (&error);
  g_free (request->status_id);
  g_free (request);
  if (--r->pending == 0)
    filters_complete (r);
}

static void
filters_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  r->page = ferry_client_get_page_finish (FERRY_CLIENT (object), result, &error);
  if (r->page == NULL)
    {
      if (!ferry_backup_runner_skip_if_missing (r, error))
        ferry_backup_runner_fail (r, error);
      return;
    }
  r->uris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->pending = 1;
  items = ferry_page_get_items (r->page);
  for (guint i = 0; i < items->len; i++)
    {
      const char * const *ids = ferry_filter_get_status_ids (g_ptr_array_index (items, i));

      for (guint k = 0; ids[k] != NULL; k++)
        {
          StatusRequest *request = g_new0 (StatusRequest, 1);

          request->runner = r;
          request->status_id = g_strdup (ids[k]);
          r->pending++;
          ferry_client_get_status_async (r->backup->client, ids[k],
                                         ferry_backup_cancellable (r->backup), filter_status_cb,
                                         request);
        }
    }
  if (--r->pending == 0)
    filters_complete (r);
}

static void
filters_fetch (Runner *r)
{
  ferry_client_get_page_async (r->backup->client, FERRY_COLLECTION_FILTERS, NULL, NULL,
                               G_PRIORITY_DEFAULT, ferry_backup_cancellable (r->backup),
                               filters_cb, r);
}

/* Profile: what verify_credentials says, the posting defaults, and the two images. */

static void
profile_complete (Runner *r)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  if (failed_on_the_way (r))
    return;
  ferry_backup_append_line (lines, r->profile);
  g_clear_pointer (&r->profile, json_object_unref);
  g_clear_pointer (&r->next, g_free);
  ferry_backup_runner_commit (r, lines, 1);
}

typedef struct
{
  Runner *runner;
  char   *name;      /* "avatar", "header" */
  char   *url;
  GBytes *bytes;
} ImageRequest;

static void
image_request_free (ImageRequest *request)
{
  g_free (request->name);
  g_free (request->url);
  g_clear_pointer (&request->bytes, g_bytes_unref);
  g_free (request);
}

static void
image_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ImageRequest *request = user_data;
  Runner *r = request->runner;
  g_autoptr(GError) error = NULL;

  if (!ferry_backup_save_finish (r->backup, result, &error) && r->error == NULL)
    r->error = g_steal_pointer (&error);
  r->backup->bytes += g_bytes_get_size (request->bytes);
  image_request_free (request);
  if (--r->pending == 0)
    profile_complete (r);
}

/* What became of the avatar and the header, for the manifest: kept in the profile's state. */
static void
note_picture (Runner     *r,
              const char *name,
              const char *file,
              const char *reason)
{
  JsonObject *pictures = ferry_backup_object_member (r->state, "pictures");
  JsonObject *entry = json_object_new ();

  if (pictures == NULL)
    {
      pictures = json_object_new ();
      json_object_set_object_member (r->state, "pictures", pictures);
    }
  if (file != NULL)
    json_object_set_string_member (entry, "file", file);
  else
    json_object_set_null_member (entry, "file");
  if (reason != NULL)
    json_object_set_string_member (entry, "reason", reason);
  json_object_set_object_member (pictures, name, entry);
}

static void
image_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ImageRequest *request = user_data;
  Runner *r = request->runner;
  FerryBackup *self = r->backup;
  g_autoptr(GError) error = NULL;
  JsonObject *profile = r->profile;
  g_autofree char *ext = NULL;
  g_autofree char *name = NULL;

  request->bytes = ferry_client_get_bytes_finish (FERRY_CLIENT (object), result, &error);
  if (request->bytes == NULL || !ferry_backup_is_image (request->bytes))
    {
      /* An image the server lost is noted, not fatal; an answer that is no picture (a web
       * page, an error text) is no picture of the person's, and is not kept. */
      if (request->bytes == NULL
          && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND)
          && r->error == NULL)
        r->error = g_steal_pointer (&error);
      note_picture (r, request->name, NULL,
                    request->bytes == NULL ? _("The server no longer has this picture.")
                                           : _("The server’s answer was not a picture."));
      json_object_set_null_member (profile, request->name);
      g_clear_pointer (&request->bytes, g_bytes_unref);
      image_request_free (request);
      if (--r->pending == 0)
        profile_complete (r);
      return;
    }
  ext = ferry_backup_media_extension (request->url);
  name = g_strconcat (request->name, ext[0] ? ext : ".img", NULL);
  json_object_set_string_member (profile, request->name, name);
  note_picture (r, request->name, name, NULL);
  ferry_backup_save_async (self, name, request->bytes, image_written_cb, request);
}

static void
preferences_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Runner *r = user_data;
  FerryBackup *self = r->backup;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = ferry_client_get_preferences_finish (FERRY_CLIENT (object), result,
                                                                    &error);
  JsonObject *profile = r->profile;
  static const char *images[] = { "avatar", "header" };
  const char *urls[] = { ferry_account_get_avatar_original_url (self->account),
                         ferry_account_get_header_url (self->account) };

  if (answer != NULL)
    json_object_set_member (profile, "preferences", json_node_copy (answer));
  else if (error != NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    {
      ferry_backup_runner_fail (r, error);
      return;
    }

  r->pending = 1;
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autofree char *key = g_strconcat (images[i], "_url", NULL);
      const char *url = urls[i];
      ImageRequest *request;

      json_object_set_null_member (profile, images[i]);
      if (url != NULL)
        json_object_set_string_member (profile, key, url);
      /* No address, or the server's stand-in picture: none of the person's, and not asked
       * for ("" would be the server's home page). */
      if (ferry_backup_picture_stand_in (url) != NULL)
        {
          note_picture (r, images[i], NULL, ferry_backup_picture_stand_in (url));
          continue;
        }
      request = g_new0 (ImageRequest, 1);
      request->runner = r;
      request->name = g_strdup (images[i]);
      request->url = g_strdup (url);
      r->pending++;
      ferry_client_get_bytes_async (self->client, url, ferry_backup_cancellable (self), image_cb,
                                    request);
    }
  if (--r->pending == 0)
    profile_complete (r);
}

static void
profile_fetch (Runner *r)
{
  FerryBackup *self = r->backup;
  g_autofree char *acct = ferry_account_context_full_acct (self->context,
                                                           ferry_account_get_acct (self->account));

  g_clear_pointer (&r->profile, json_object_unref);
  r->profile = ferry_account_dup_profile (self->account, acct);
  ferry_client_get_preferences_async (self->client, ferry_backup_cancellable (self),
                                      preferences_cb, r);
}
