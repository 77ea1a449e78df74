/* ferry-backup-fetch.c: fetching: pages with their relationships and histories, lists, filters, the profile
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"

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
  for (guint i = 0; r->page && i < json_array_get_length (r->page); i++)
    {
      g_autoptr(JsonObject) item = ferry_backup_stage_item (r, json_array_get_element (r->page, i));

      if (item != NULL)
        {
          ferry_backup_append_line (lines, item);
          n++;
        }
    }
  g_clear_pointer (&r->page, json_array_unref);
  g_clear_pointer (&r->rels, json_array_unref);
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
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  if (answer == NULL && r->error == NULL)
    r->error = g_steal_pointer (&error);
  else if (answer != NULL && JSON_NODE_HOLDS_ARRAY (answer))
    {
      JsonArray *rels = json_node_get_array (answer);

      for (guint i = 0; i < json_array_get_length (rels); i++)
        json_array_add_element (r->rels, json_node_ref (json_array_get_element (rels, i)));
    }
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
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  if (answer != NULL && JSON_NODE_HOLDS_ARRAY (answer))
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

/* A page's answer: its items, then what they need (relationships, histories). */
static void
take_page (Runner   *r,
           JsonNode *answer,
           char     *next_owned,
           GError   *error)
{
  FerryBackup *self = r->backup;
  g_autofree char *next = next_owned;
  JsonArray *items;

  if (answer == NULL)
    {
      if (json_object_get_int_member_with_default (r->state, "count", 0) == 0 &&
          !json_object_has_member (r->state, "next") && ferry_backup_runner_skip_if_missing (r, error))
        return;
      ferry_backup_runner_fail (r, error);
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (answer))
    {
      g_autoptr(GError) bad = g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                                           _("%s gave an answer Ferry does not understand."),
                                           ferry_client_get_host (self->client));
      ferry_backup_runner_fail (r, bad);
      return;
    }
  items = json_node_get_array (answer);
  r->page = json_array_new ();
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      const char *id = JSON_NODE_HOLDS_OBJECT (item) ? ferry_backup_string_member (json_node_get_object (item), "id") : NULL;

      /* Backing up again: the posts an earlier backup has end the paging. */
      if ((r->def->flags & POSTS) && self->posts_since != NULL && id != NULL &&
          !ferry_backup_id_newer (id, self->posts_since))
        {
          g_clear_pointer (&next, g_free);
          break;
        }
      json_array_add_element (r->page, json_node_ref (item));
    }
  /* An empty page ends it, whatever the Link says. */
  if (json_array_get_length (items) == 0)
    g_clear_pointer (&next, g_free);
  g_free (r->next);
  r->next = g_steal_pointer (&next);
  prefetch (r);

  r->pending = 1;   /* this function's own share, released below */
  if (r->def->flags & WITH_RELATIONSHIPS)
    {
      g_autoptr(FerryParams) params = NULL;
      guint in_batch = 0;

      r->rels = json_array_new ();
      for (guint i = 0; i < json_array_get_length (r->page); i++)
        {
          const char *id = ferry_backup_string_member (ferry_backup_array_object (r->page, i), "id");

          if (id == NULL)
            continue;
          if (params == NULL)
            params = ferry_params_new ();
          ferry_params_add (params, "id[]", id);
          if (++in_batch == RELATIONSHIP_BATCH || i + 1 == json_array_get_length (r->page))
            {
              r->pending++;
              ferry_client_call_async (self->client, "GET", "/api/v1/accounts/relationships", params,
                                       ferry_backup_cancellable (self), relationships_cb, r);
              g_clear_pointer (&params, ferry_params_unref);
              in_batch = 0;
            }
        }
      if (params != NULL)
        {
          r->pending++;
          ferry_client_call_async (self->client, "GET", "/api/v1/accounts/relationships", params,
                                   ferry_backup_cancellable (self), relationships_cb, r);
        }
    }
  if (r->def->flags & POSTS)
    {
      r->histories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
      for (guint i = 0; i < json_array_get_length (r->page); i++)
        {
          JsonObject *status = ferry_backup_array_object (r->page, i);
          const char *id = ferry_backup_string_member (status, "id");
          HistoryRequest *request;
          g_autofree char *path = NULL;

          /* Only edited posts have a history worth asking for. */
          if (id == NULL || ferry_backup_string_member (status, "edited_at") == NULL)
            continue;
          request = g_new0 (HistoryRequest, 1);
          request->runner = r;
          request->id = g_strdup (id);
          path = g_strdup_printf ("/api/v1/statuses/%s/history", id);
          r->pending++;
          ferry_client_call_full_async (self->client, "GET", path, NULL, G_PRIORITY_HIGH,
                                        ferry_backup_cancellable (self), history_cb, request);
        }
    }
  request_done (r);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  char *next = NULL;
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, &next, &error);

  take_page (r, answer, next, error);
}

static void
prefetch_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(FerryBackup) self = r->backup;   /* the reference prefetch() took */

  r->pre_pending = FALSE;
  r->pre_answer = ferry_client_call_finish (FERRY_CLIENT (object), result, &r->pre_next, &r->pre_error);
  if (r->ended)
    {
      ferry_backup_runner_clear_prefetch (r);
      return;
    }
  if (r->pre_wanted)
    {
      JsonNode *answer = g_steal_pointer (&r->pre_answer);
      char *next = g_steal_pointer (&r->pre_next);
      GError *error = g_steal_pointer (&r->pre_error);

      r->pre_wanted = FALSE;
      g_clear_pointer (&r->pre_url, g_free);
      take_page (r, answer, next, error);
      g_clear_pointer (&answer, json_node_unref);
      g_clear_error (&error);
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
  ferry_client_call_full_async (r->backup->client, "GET", r->pre_url, NULL, page_priority (r),
                                ferry_backup_cancellable (r->backup), prefetch_cb, r);
}

void
ferry_backup_runner_clear_prefetch (Runner *r)
{
  if (r->pre_pending)
    return;   /* its callback clears it */
  g_clear_pointer (&r->pre_url, g_free);
  g_clear_pointer (&r->pre_answer, json_node_unref);
  g_clear_pointer (&r->pre_next, g_free);
  g_clear_error (&r->pre_error);
  r->pre_wanted = FALSE;
}

static void
pinned_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  JsonArray *pinned = json_array_new ();

  /* Which are pinned is asked on the posts' own route: a passing 404 there is a failure
   * too, where the software is known to have it. */
  if (answer == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID) &&
      (ferry_backup_server_known (r->backup) ||
       !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND)))
    {
      json_array_unref (pinned);
      ferry_backup_runner_fail (r, error);
      return;
    }
  for (guint i = 0; answer && JSON_NODE_HOLDS_ARRAY (answer) && i < json_array_get_length (json_node_get_array (answer)); i++)
    {
      const char *id = ferry_backup_string_member (ferry_backup_array_object (json_node_get_array (answer), i), "id");

      if (id != NULL)
        json_array_add_string_element (pinned, id);
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
  const char *next = ferry_backup_string_member (r->state, "next");
  g_autofree char *first = NULL;

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
      g_autofree char *path = g_strdup_printf ("/api/v1/accounts/%s/statuses?pinned=true&limit=40",
                                               ferry_account_get_id (self->account));

      ferry_client_call_async (self->client, "GET", path, NULL, ferry_backup_cancellable (self), pinned_cb, r);
      return;
    }
  if (next != NULL && g_strcmp0 (next, r->pre_url) == 0)
    {
      if (r->pre_pending)
        {
          r->pre_wanted = TRUE;
          return;
        }
      {
        JsonNode *answer = g_steal_pointer (&r->pre_answer);
        char *pre_next = g_steal_pointer (&r->pre_next);
        GError *error = g_steal_pointer (&r->pre_error);

        g_clear_pointer (&r->pre_url, g_free);
        take_page (r, answer, pre_next, error);
        g_clear_pointer (&answer, json_node_unref);
        g_clear_error (&error);
        return;
      }
    }
  ferry_backup_runner_clear_prefetch (r);
  if (next == NULL)
    {
      GString *path = g_string_new (r->def->path);

      g_string_replace (path, ":id", ferry_account_get_id (self->account), 1);
      first = g_string_free (path, FALSE);
    }
  ferry_client_call_full_async (self->client, "GET", next ? next : first, NULL, page_priority (r),
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
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  JsonArray *lists = ferry_backup_array_member (r->state, "lists");
  gint64 index = json_object_get_int_member_with_default (r->state, "index", 0);
  JsonObject *line;
  JsonArray *members;
  g_autoptr(GString) lines = g_string_new (NULL);

  if (answer == NULL || !JSON_NODE_HOLDS_ARRAY (answer))
    {
      if (error == NULL)
        error = g_error_new (FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
                             _("%s gave an answer Ferry does not understand."),
                             ferry_client_get_host (r->backup->client));
      ferry_backup_runner_fail (r, error);
      return;
    }
  line = json_node_get_object (ferry_backup_deep_copy (json_array_get_element (lists, index)));
  json_object_ref (line);
  members = json_array_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (answer)); i++)
    {
      g_autofree char *acct = ferry_backup_full_acct (r->backup, ferry_backup_array_object (json_node_get_array (answer), i));

      if (acct != NULL)
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
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  JsonArray *lists;

  if (answer == NULL)
    {
      if (!ferry_backup_runner_skip_if_missing (r, error))
        ferry_backup_runner_fail (r, error);
      return;
    }
  lists = json_array_new ();
  for (guint i = 0; JSON_NODE_HOLDS_ARRAY (answer) && i < json_array_get_length (json_node_get_array (answer)); i++)
    {
      JsonObject *list = ferry_backup_array_object (json_node_get_array (answer), i);
      JsonObject *kept = json_object_new ();

      if (list == NULL || ferry_backup_string_member (list, "id") == NULL)
        {
          json_object_unref (kept);
          continue;
        }
      json_object_set_string_member (kept, "id", ferry_backup_string_member (list, "id"));
      json_object_set_string_member (kept, "title", ferry_backup_string_member (list, "title") ? ferry_backup_string_member (list, "title") : "");
      ferry_backup_copy_member (kept, "replies_policy", list, "replies_policy");
      ferry_backup_copy_member (kept, "exclusive", list, "exclusive");
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
  JsonArray *lists = ferry_backup_array_member (r->state, "lists");
  gint64 index = json_object_get_int_member_with_default (r->state, "index", 0);
  g_autofree char *path = NULL;

  if (lists == NULL)
    {
      ferry_client_call_async (self->client, "GET", r->def->path, NULL, ferry_backup_cancellable (self), lists_cb, r);
      return;
    }
  ferry_backup_category_set_total (r->category, json_array_get_length (lists));
  path = g_strdup_printf ("/api/v1/lists/%s/accounts?limit=0",
                          ferry_backup_string_member (ferry_backup_array_object (lists, index), "id"));
  ferry_client_call_async (self->client, "GET", path, NULL, ferry_backup_cancellable (self), list_members_cb, r);
}

/* Filters, in the shape of Mastodon 4.6's custom_filters.json; the posts a filter names are
 * kept by their address. */

static void
filters_complete (Runner *r)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  guint n = 0;

  if (failed_on_the_way (r))
    return;
  for (guint i = 0; i < json_array_get_length (r->page); i++)
    {
      JsonObject *filter = ferry_backup_array_object (r->page, i);
      g_autoptr(JsonObject) line = json_object_new ();
      JsonArray *keywords = json_array_new ();
      JsonArray *statuses = json_array_new ();
      JsonArray *source;

      if (filter == NULL)
        continue;
      json_object_set_string_member (line, "title", ferry_backup_string_member (filter, "title") ? ferry_backup_string_member (filter, "title") : "");
      ferry_backup_copy_member (line, "expires_at", filter, "expires_at");
      if (!json_object_has_member (line, "expires_at"))
        json_object_set_null_member (line, "expires_at");
      ferry_backup_copy_member (line, "context", filter, "context");
      json_object_set_string_member (line, "action", ferry_backup_string_member (filter, "filter_action") ?
                                                       ferry_backup_string_member (filter, "filter_action") : "warn");
      source = ferry_backup_array_member (filter, "keywords");
      for (guint k = 0; source && k < json_array_get_length (source); k++)
        {
          JsonObject *keyword = ferry_backup_array_object (source, k);
          JsonObject *kept = json_object_new ();

          json_object_set_string_member (kept, "keyword", ferry_backup_string_member (keyword, "keyword") ?
                                                           ferry_backup_string_member (keyword, "keyword") : "");
          json_object_set_boolean_member (kept, "whole_word",
                                          json_object_get_boolean_member_with_default (keyword, "whole_word", FALSE));
          json_array_add_object_element (keywords, kept);
        }
      source = ferry_backup_array_member (filter, "statuses");
      for (guint k = 0; source && k < json_array_get_length (source); k++)
        {
          const char *uri = g_hash_table_lookup (r->uris, ferry_backup_string_member (ferry_backup_array_object (source, k),
                                                                         "status_id"));
          if (uri != NULL)
            json_array_add_string_element (statuses, uri);
        }
      json_object_set_array_member (line, "keywords_attributes", keywords);
      json_object_set_array_member (line, "statuses", statuses);
      ferry_backup_append_line (lines, line);
      n++;
    }
  g_clear_pointer (&r->page, json_array_unref);
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
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  const char *uri = answer && JSON_NODE_HOLDS_OBJECT (answer) ? ferry_backup_string_member (json_node_get_object (answer), "uri") : NULL;

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
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  if (answer == NULL)
    {
      if (!ferry_backup_runner_skip_if_missing (r, error))
        ferry_backup_runner_fail (r, error);
      return;
    }
  r->page = JSON_NODE_HOLDS_ARRAY (answer) ? json_array_ref (json_node_get_array (answer)) : json_array_new ();
  r->uris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->pending = 1;
  for (guint i = 0; i < json_array_get_length (r->page); i++)
    {
      JsonArray *statuses = ferry_backup_array_member (ferry_backup_array_object (r->page, i), "statuses");

      for (guint k = 0; statuses && k < json_array_get_length (statuses); k++)
        {
          const char *status_id = ferry_backup_string_member (ferry_backup_array_object (statuses, k), "status_id");
          g_autofree char *path = NULL;
          StatusRequest *request;

          if (status_id == NULL)
            continue;
          request = g_new0 (StatusRequest, 1);
          request->runner = r;
          request->status_id = g_strdup (status_id);
          path = g_strdup_printf ("/api/v1/statuses/%s", status_id);
          r->pending++;
          ferry_client_call_async (r->backup->client, "GET", path, NULL, ferry_backup_cancellable (r->backup),
                                   filter_status_cb, request);
        }
    }
  if (--r->pending == 0)
    filters_complete (r);
}

static void
filters_fetch (Runner *r)
{
  ferry_client_call_async (r->backup->client, "GET", r->def->path, NULL, ferry_backup_cancellable (r->backup),
                           filters_cb, r);
}

/* Profile: what verify_credentials says, the posting defaults, and the two images. */

static void
profile_complete (Runner *r)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  JsonObject *profile = ferry_backup_array_object (r->page, 0);

  if (failed_on_the_way (r))
    return;
  ferry_backup_append_line (lines, profile);
  g_clear_pointer (&r->page, json_array_unref);
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
  JsonObject *profile = ferry_backup_array_object (r->page, 0);
  g_autofree char *ext = NULL;
  g_autofree char *name = NULL;

  request->bytes = ferry_client_get_bytes_finish (FERRY_CLIENT (object), result, &error);
  if (request->bytes == NULL || !ferry_backup_is_image (request->bytes))
    {
      /* An image the server lost is noted, not fatal; an answer that is no picture (a web
       * page, an error text) is no picture of the person's, and is not kept. */
      if (request->bytes == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND) &&
          r->error == NULL)
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
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  JsonObject *profile = ferry_backup_array_object (r->page, 0);
  JsonObject *me = json_node_get_object (self->me);
  static const char *images[] = { "avatar", "header" };

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    json_object_set_member (profile, "preferences", ferry_backup_deep_copy (answer));
  else if (answer == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    {
      ferry_backup_runner_fail (r, error);
      return;
    }

  r->pending = 1;
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autofree char *key = g_strconcat (images[i], "_url", NULL);
      const char *url = ferry_backup_string_member (me, images[i]);
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
      ferry_client_get_bytes_async (self->client, url, ferry_backup_cancellable (self), image_cb, request);
    }
  if (--r->pending == 0)
    profile_complete (r);
}

static void
profile_fetch (Runner *r)
{
  FerryBackup *self = r->backup;
  JsonObject *me = json_node_get_object (self->me);
  JsonObject *source = ferry_backup_object_member (me, "source");
  JsonObject *profile = json_object_new ();
  JsonObject *defaults = json_object_new ();
  static const char *flags[] = { "locked", "bot", "group", "discoverable", "indexable", "hide_collections" };
  g_autofree char *acct = ferry_backup_full_acct (self, me);

  json_object_set_string_member (profile, "acct", acct ? acct : "");
  ferry_backup_copy_member (profile, "id", me, "id");
  ferry_backup_copy_member (profile, "url", me, "url");
  ferry_backup_copy_member (profile, "uri", me, "uri");
  ferry_backup_copy_member (profile, "created_at", me, "created_at");
  ferry_backup_copy_member (profile, "display_name", me, "display_name");
  /* The bio and the fields as the person wrote them (source), and as shown (HTML). */
  if (source && json_object_has_member (source, "note"))
    ferry_backup_copy_member (profile, "note", source, "note");
  else
    ferry_backup_copy_member (profile, "note", me, "note");
  ferry_backup_copy_member (profile, "note_html", me, "note");
  if (source && json_object_has_member (source, "fields"))
    json_object_set_member (profile, "fields", ferry_backup_deep_copy (json_object_get_member (source, "fields")));
  else if (json_object_has_member (me, "fields"))
    json_object_set_member (profile, "fields", ferry_backup_deep_copy (json_object_get_member (me, "fields")));
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      if (json_object_has_member (me, flags[i]))
        ferry_backup_copy_member (profile, flags[i], me, flags[i]);
      else if (source != NULL)
        ferry_backup_copy_member (profile, flags[i], source, flags[i]);
    }
  ferry_backup_copy_member (defaults, "privacy", source, "privacy");
  ferry_backup_copy_member (defaults, "sensitive", source, "sensitive");
  ferry_backup_copy_member (defaults, "language", source, "language");
  json_object_set_object_member (profile, "posting_defaults", defaults);
  ferry_backup_copy_member (profile, "avatar_description", me, "avatar_description");
  ferry_backup_copy_member (profile, "header_description", me, "header_description");

  r->page = json_array_new ();
  json_array_add_object_element (r->page, profile);
  ferry_client_call_async (self->client, "GET", "/api/v1/preferences", NULL, ferry_backup_cancellable (self),
                           preferences_cb, r);
}

