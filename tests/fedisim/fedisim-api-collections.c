/* fedisim-api-collections.c: what only the owner sees: blocks, mutes, domain blocks, lists,
 * bookmarks, favourites, tags, filters, preferences (api-facts §4)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static void
blocks (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();

  /* snac2 mastoapi.c mastoapi_get_handler(): "/v1/blocks" is "[]", whatever the user blocked. */
  if (fs_server_snac_gaps (req->server))
    {
      fs_reply_text (req, 200, "application/json", "[]", 2);
      return;
    }

  /* The API leaves out suspended accounts; the CSV export does not (api-facts §4). */
  for (guint i = 0; i < me->blocks->len; i++)
    if (!((FsRow *) g_ptr_array_index (me->blocks, i))->target->suspended)
      g_ptr_array_add (rows, g_ptr_array_index (me->blocks, i));
  page = fs_page_rows (req, rows, fs_row_id, 40, 80);
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (accounts, ((FsRow *) g_ptr_array_index (page, i))->target);
  fs_reply_json (req, 200, fs_json_accounts (req->server, accounts));
}

/* snac2 mastoapi.c: mastoapi_get_handler() has no "/v1/domain_blocks" branch: 404; nor, as far
 * as read, mastoapi_post_handler() (assumed: POST and DELETE 404 too). "/v1/mutes": snac 2.94
 * answered 404 (observed-servers.md; the 2.95 source answers "[]"): 404, as fedisim's snac is
 * older. Answers as the router does for a path it does not know. */
static gboolean
snac_lacks (FsRequest *req)
{
  if (!fs_server_snac_gaps (req->server))
    return FALSE;
  fs_reply_error (req, 404, "Record not found");
  return TRUE;
}

static guint64
mute_row_id (gconstpointer row)
{
  return ((const FsMute *) row)->id;
}

static void
mutes (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  gint64 now = fedisim_world_now (req->server->world);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) page = NULL;
  JsonArray *array = json_array_new ();

  if (snac_lacks (req))
    return;
  for (guint i = 0; i < me->mutes->len; i++)
    {
      FsMute *mute = g_ptr_array_index (me->mutes, i);

      if (!mute->target->suspended && (mute->expires_at == 0 || mute->expires_at > now))
        g_ptr_array_add (rows, mute);
    }
  page = fs_page_rows (req, rows, mute_row_id, 40, 80);
  for (guint i = 0; i < page->len; i++)
    {
      FsMute *mute = g_ptr_array_index (page, i);
      JsonNode *account = fs_json_account (req->server, mute->target, FALSE);
      g_autofree char *expires = mute->expires_at ? fs_iso8601 (mute->expires_at) : NULL;

      /* mute_expires_at (3.3+) */
      if (expires)
        json_object_set_string_member (json_node_get_object (account), "mute_expires_at", expires);
      else
        json_object_set_null_member (json_node_get_object (account), "mute_expires_at");
      json_array_add_element (array, account);
    }
  fs_reply_json (req, 200, array_node (array));
}

static void
domain_blocks (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  g_autoptr(GPtrArray) page = fs_page_rows (req, me->domain_blocks, fs_row_id, 100, 200);
  JsonArray *array = json_array_new ();

  if (snac_lacks (req))
    return;
  for (guint i = 0; i < page->len; i++)
    json_array_add_string_element (array, ((FsRow *) g_ptr_array_index (page, i))->text);
  fs_reply_json (req, 200, array_node (array));
}

static void
domain_block (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  const char *domain = fs_req_param (req, "domain");
  g_autoptr(GPtrArray) edges = NULL;

  if (snac_lacks (req))
    return;
  if (domain == NULL || domain[0] == '\0')
    {
      fs_reply_error (req, 422, "Validation failed: Domain can't be blank");
      return;
    }
  for (guint i = 0; i < me->domain_blocks->len; i++)
    if (g_ascii_strcasecmp (((FsRow *) g_ptr_array_index (me->domain_blocks, i))->text, domain) == 0)
      {
        fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
        return;
      }
  fs_rows_add (req->server->world, me->domain_blocks, NULL, NULL, domain);

  /* Followers from that domain are removed (AfterAccountDomainBlockWorker). */
  edges = g_ptr_array_copy (me->followers, NULL, NULL);
  for (guint i = 0; i < edges->len; i++)
    {
      FsFollow *edge = g_ptr_array_index (edges, i);

      if (g_ascii_strcasecmp (edge->from->home->host, domain) == 0)
        fs_world_remove_follow (req->server->world, edge);
    }
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

static void
domain_unblock (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  const char *domain = fs_req_param (req, "domain");

  if (snac_lacks (req))
    return;
  for (guint i = 0; domain && i < me->domain_blocks->len; i++)
    if (g_ascii_strcasecmp (((FsRow *) g_ptr_array_index (me->domain_blocks, i))->text, domain) == 0)
      g_ptr_array_remove_index (me->domain_blocks, i--);
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

/* Lists */

FsList *
fs_actor_add_list (FsActor    *actor,
                   const char *title)
{
  FsList *list = g_new0 (FsList, 1);

  list->id = actor->home->next_id++;
  list->title = g_strdup (title);
  list->replies_policy = g_strdup ("list");
  list->members = g_ptr_array_new ();
  g_ptr_array_add (actor->lists, list);
  return list;
}

static FsList *
find_list (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  guint64 id = g_ascii_strtoull (req->args[0], NULL, 10);

  for (guint i = 0; i < me->lists->len; i++)
    if (((FsList *) g_ptr_array_index (me->lists, i))->id == id)
      return g_ptr_array_index (me->lists, i);
  fs_reply_error (req, 404, "Record not found");
  return NULL;
}

static void
lists (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < me->lists->len; i++)
    json_array_add_element (array, fs_json_list (g_ptr_array_index (me->lists, i)));
  fs_reply_json (req, 200, array_node (array));
}

static gboolean
apply_list_params (FsRequest *req,
                   FsList    *list)
{
  const char *title = fs_req_param (req, "title");
  const char *policy = fs_req_param (req, "replies_policy");

  if (title != NULL)
    {
      if (title[0] == '\0' || g_utf8_strlen (title, -1) > 256)
        {
          fs_reply_error (req, 422, "Validation failed: Title can't be blank");
          return FALSE;
        }
      g_free (list->title);
      list->title = g_strdup (title);
    }
  if (policy != NULL)
    {
      if (!g_str_equal (policy, "followed") && !g_str_equal (policy, "list") &&
          !g_str_equal (policy, "none"))
        {
          fs_reply_error (req, 422, "Validation failed: Replies policy is not included in the list");
          return FALSE;
        }
      g_free (list->replies_policy);
      list->replies_policy = g_strdup (policy);
    }
  if (fs_req_param (req, "exclusive") != NULL)
    list->exclusive = fs_req_param_bool (req, "exclusive", FALSE);
  return TRUE;
}

static void
create_list (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  const char *title = fs_req_param (req, "title");
  FsList *list;

  if (title == NULL || title[0] == '\0')
    {
      fs_reply_error (req, 422, "Validation failed: Title can't be blank");
      return;
    }
  if (me->lists->len >= FS_MAX_LISTS)
    {
      fs_reply_error (req, 422, "Validation failed: You have reached the maximum number of lists");
      return;
    }
  list = fs_actor_add_list (me, title);
  if (!apply_list_params (req, list))
    {
      g_ptr_array_remove (me->lists, list);
      return;
    }
  fs_reply_json (req, 200, fs_json_list (list));
}

static void
get_list (FsRequest *req)
{
  FsList *list = find_list (req);

  if (list != NULL)
    fs_reply_json (req, 200, fs_json_list (list));
}

static void
update_list (FsRequest *req)
{
  FsList *list = find_list (req);

  if (list != NULL && apply_list_params (req, list))
    fs_reply_json (req, 200, fs_json_list (list));
}

static void
delete_list (FsRequest *req)
{
  FsList *list = find_list (req);

  if (list == NULL)
    return;
  g_ptr_array_remove (fs_req_user (req)->lists, list);
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

static void
list_accounts (FsRequest *req)
{
  FsList *list = find_list (req);
  const char *limit = fs_req_param (req, "limit");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  if (list == NULL)
    return;
  /* limit=0: every member, unpaged. */
  if (limit != NULL && g_str_equal (limit, "0"))
    {
      fs_reply_json (req, 200, fs_json_accounts (req->server, list->members));
      return;
    }

  rows = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < list->members->len; i++)
    {
      FsRow *row = g_new0 (FsRow, 1);

      row->id = i + 1;
      row->target = g_ptr_array_index (list->members, i);
      g_ptr_array_add (rows, row);
    }
  page = fs_page_rows (req, rows, fs_row_id, 40, 80);
  accounts = g_ptr_array_new ();
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (accounts, ((FsRow *) g_ptr_array_index (page, i))->target);
  fs_reply_json (req, 200, fs_json_accounts (req->server, accounts));
}

static void
add_list_accounts (FsRequest *req)
{
  FsList *list = find_list (req);
  GPtrArray *ids = fs_req_param_array (req, "account_ids");
  FsActor *me = fs_req_user (req);

  if (list == NULL)
    return;
  /* Every member must be followed, or have a follow request pending (ListAccount). */
  for (guint i = 0; ids && i < ids->len; i++)
    {
      FsActor *actor = fs_server_actor_by_id (req->server, g_ptr_array_index (ids, i));

      if (actor == NULL)
        {
          fs_reply_error (req, 404, "Record not found");
          return;
        }
      if (req->server->flavour == FEDISIM_FLAVOUR_GOTOSOCIAL)
        {
          FsFollow *follow = fs_world_find_follow (req->server->world, me, actor);

          /* Only a follow, not a follow request, can go in a list, and one account missing
           * fails them all (gotosocial internal/processing/list/updateentries.go AddToList:
           * GetFollow, then "account %s not currently followed", NewErrorNotFound). */
          if (follow == NULL || follow->pending)
            {
              g_autofree char *message = g_strdup_printf ("Not Found: account %s not currently followed",
                                                          (char *) g_ptr_array_index (ids, i));

              fs_reply_error (req, 404, message);
              return;
            }
        }
      else if (fs_world_find_follow (req->server->world, me, actor) == NULL)
        {
          fs_reply_error (req, 422, "Validation failed: List account must be following");
          return;
        }
    }
  for (guint i = 0; ids && i < ids->len; i++)
    {
      FsActor *actor = fs_server_actor_by_id (req->server, g_ptr_array_index (ids, i));

      if (!g_ptr_array_find (list->members, actor, NULL))
        g_ptr_array_add (list->members, actor);
    }
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

static void
remove_list_accounts (FsRequest *req)
{
  FsList *list = find_list (req);
  GPtrArray *ids = fs_req_param_array (req, "account_ids");

  if (list == NULL)
    return;
  for (guint i = 0; ids && i < ids->len; i++)
    g_ptr_array_remove (list->members, fs_server_actor_by_id (req->server, g_ptr_array_index (ids, i)));
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

/* Bookmarks and favourites */

static void
status_rows (FsRequest *req,
             GPtrArray *rows)
{
  g_autoptr(GPtrArray) page = fs_page_rows (req, rows, fs_row_id, 20, 40);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < page->len; i++)
    json_array_add_element (array, fs_json_status (req->server,
                                                   ((FsRow *) g_ptr_array_index (page, i))->status,
                                                   fs_req_user (req)));
  fs_reply_json (req, 200, array_node (array));
}

static void
bookmarks (FsRequest *req)
{
  status_rows (req, fs_req_user (req)->bookmarks);
}

static void
favourites (FsRequest *req)
{
  status_rows (req, fs_req_user (req)->favourites);
}

static FsStatus *
status_arg (FsRequest *req)
{
  FsStatus *status = fs_server_status_by_id (req->server, req->args[0]);

  if (status == NULL)
    fs_reply_error (req, 404, "Record not found");
  return status;
}

static void
mark_status (FsRequest *req,
             GPtrArray *rows,
             gboolean   add)
{
  FsStatus *status = status_arg (req);
  gboolean found = FALSE;

  if (status == NULL)
    return;
  for (guint i = 0; i < rows->len; i++)
    if (((FsRow *) g_ptr_array_index (rows, i))->status == status)
      {
        found = TRUE;
        if (!add)
          g_ptr_array_remove_index (rows, i--);
      }
  if (add && !found)
    fs_rows_add (req->server->world, rows, NULL, status, NULL);
  fs_reply_json (req, 200, fs_json_status (req->server, status, fs_req_user (req)));
}

static void
bookmark (FsRequest *req)
{
  mark_status (req, fs_req_user (req)->bookmarks, TRUE);
}

static void
unbookmark (FsRequest *req)
{
  mark_status (req, fs_req_user (req)->bookmarks, FALSE);
}

static void
favourite (FsRequest *req)
{
  mark_status (req, fs_req_user (req)->favourites, TRUE);
}

static void
unfavourite (FsRequest *req)
{
  mark_status (req, fs_req_user (req)->favourites, FALSE);
}

static void
get_status (FsRequest *req)
{
  FsStatus *status = status_arg (req);

  if (status != NULL)
    fs_reply_json (req, 200, fs_json_status (req->server, status, fs_req_user (req)));
}

static void
status_history (FsRequest *req)
{
  FsStatus *status = status_arg (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (status == NULL)
    return;
  json_builder_begin_array (builder);
  for (guint i = 0; i <= status->edits->len; i++)
    {
      const char *text = i < status->edits->len ? g_ptr_array_index (status->edits, i) : status->text;
      g_autofree char *html = fs_note_html (text);
      g_autofree char *at = fs_iso8601 (status->created_at + i * 60);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, html);
      json_builder_set_member_name (builder, "spoiler_text");
      json_builder_add_string_value (builder, status->spoiler_text);
      json_builder_set_member_name (builder, "sensitive");
      json_builder_add_boolean_value (builder, status->sensitive);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_string_value (builder, at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

static void
status_source (FsRequest *req)
{
  FsStatus *status = status_arg (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = NULL;

  if (status == NULL)
    return;
  if (status->account != fs_req_user (req))
    {
      fs_reply_error (req, 404, "Record not found");
      return;
    }
  id = g_strdup_printf ("%" G_GUINT64_FORMAT, fs_server_status_id_for (req->server, status));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, status->text);
  json_builder_set_member_name (builder, "spoiler_text");
  json_builder_add_string_value (builder, status->spoiler_text);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

/* Tags */

static JsonNode *
tag_json (FsRequest  *req,
          const char *name,
          gboolean    following)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *url = g_strdup_printf ("%s/tags/%s", req->server->base_url, name);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "following");
  json_builder_add_boolean_value (builder, following);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
followed_tags (FsRequest *req)
{
  g_autoptr(GPtrArray) page = fs_page_rows (req, fs_req_user (req)->followed_tags, fs_row_id, 100, 200);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < page->len; i++)
    json_array_add_element (array, tag_json (req, ((FsRow *) g_ptr_array_index (page, i))->text, TRUE));
  fs_reply_json (req, 200, array_node (array));
}

static void
follow_tag (FsRequest *req)
{
  GPtrArray *tags = fs_req_user (req)->followed_tags;
  const char *name = req->args[0];

  for (guint i = 0; i < tags->len; i++)
    if (g_ascii_strcasecmp (((FsRow *) g_ptr_array_index (tags, i))->text, name) == 0)
      {
        fs_reply_json (req, 200, tag_json (req, name, TRUE));
        return;
      }
  fs_rows_add (req->server->world, tags, NULL, NULL, name);
  fs_reply_json (req, 200, tag_json (req, name, TRUE));
}

static void
unfollow_tag (FsRequest *req)
{
  GPtrArray *tags = fs_req_user (req)->followed_tags;

  for (guint i = 0; i < tags->len; i++)
    if (g_ascii_strcasecmp (((FsRow *) g_ptr_array_index (tags, i))->text, req->args[0]) == 0)
      g_ptr_array_remove_index (tags, i--);
  fs_reply_json (req, 200, tag_json (req, req->args[0], FALSE));
}

static JsonNode *
featured_tag_json (FsRequest *req,
                   FsRow     *row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, row->id);
  g_autofree char *url = g_strdup_printf ("%s/@%s/tagged/%s", req->server->base_url,
                                          fs_req_user (req)->username, row->text);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, row->text);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "statuses_count");
  json_builder_add_int_value (builder, 0);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
featured_tags (FsRequest *req)
{
  GPtrArray *tags = fs_req_user (req)->featured_tags;
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < tags->len; i++)
    json_array_add_element (array, featured_tag_json (req, g_ptr_array_index (tags, i)));
  fs_reply_json (req, 200, array_node (array));
}

static void
feature_tag (FsRequest *req)
{
  GPtrArray *tags = fs_req_user (req)->featured_tags;
  const char *name = fs_req_param (req, "name");

  if (name == NULL || name[0] == '\0')
    {
      fs_reply_error (req, 422, "Validation failed: Tag is invalid");
      return;
    }
  if (tags->len >= 10)
    {
      fs_reply_error (req, 422, "Validation failed: You cannot feature more than 10 hashtags");
      return;
    }
  fs_reply_json (req, 200, featured_tag_json (req, fs_rows_add (req->server->world, tags, NULL,
                                                                NULL, name)));
}

static void
unfeature_tag (FsRequest *req)
{
  GPtrArray *tags = fs_req_user (req)->featured_tags;
  guint64 id = g_ascii_strtoull (req->args[0], NULL, 10);

  for (guint i = 0; i < tags->len; i++)
    if (((FsRow *) g_ptr_array_index (tags, i))->id == id)
      {
        g_ptr_array_remove_index (tags, i);
        fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
        return;
      }
  fs_reply_error (req, 404, "Record not found");
}

/* Filters v2 */

static FsFilter *
find_filter (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  guint64 id = g_ascii_strtoull (req->args[0], NULL, 10);

  for (guint i = 0; i < me->filters->len; i++)
    if (((FsFilter *) g_ptr_array_index (me->filters, i))->id == id)
      return g_ptr_array_index (me->filters, i);
  fs_reply_error (req, 404, "Record not found");
  return NULL;
}

static void
add_keyword (FsFilter   *filter,
             const char *keyword,
             const char *whole_word)
{
  FsField *field = g_new0 (FsField, 1);

  field->name = g_strdup (keyword);
  field->value = g_strdup (whole_word == NULL || g_str_equal (whole_word, "true") ||
                           g_str_equal (whole_word, "1") ? "1" : "0");
  g_ptr_array_add (filter->keywords, field);
}

static gboolean
apply_filter_params (FsRequest *req,
                     FsFilter  *filter)
{
  const char *title = fs_req_param (req, "title");
  const char *action = fs_req_param (req, "filter_action");
  const char *expires_in = fs_req_param (req, "expires_in");
  GPtrArray *context = fs_req_param_array (req, "context");
  GPtrArray *keywords = fs_req_param_array (req, "keywords_attributes[][keyword]");
  GPtrArray *whole = fs_req_param_array (req, "keywords_attributes[][whole_word]");

  if (title != NULL)
    {
      g_free (filter->title);
      filter->title = g_strdup (title);
    }
  if (action != NULL)
    {
      gboolean blur = req->server->api_version >= 6;

      if (!g_str_equal (action, "warn") && !g_str_equal (action, "hide") &&
          !(blur && g_str_equal (action, "blur")))
        {
          fs_reply_error (req, 422, "Validation failed: Filter action is not included in the list");
          return FALSE;
        }
      g_free (filter->action);
      filter->action = g_strdup (action);
    }
  if (expires_in != NULL)
    {
      gint64 seconds = g_ascii_strtoll (expires_in, NULL, 10);

      filter->expires_at = seconds > 0 ? fedisim_world_now (req->server->world) + seconds : 0;
    }
  if (context != NULL)
    {
      g_ptr_array_set_size (filter->context, 0);
      for (guint i = 0; i < context->len; i++)
        g_ptr_array_add (filter->context, g_strdup (g_ptr_array_index (context, i)));
    }
  for (guint i = 0; keywords && i < keywords->len; i++)
    add_keyword (filter, g_ptr_array_index (keywords, i),
                 whole && i < whole->len ? g_ptr_array_index (whole, i) : NULL);
  for (guint i = 0; i < 64; i++)
    {
      g_autofree char *key = g_strdup_printf ("keywords_attributes[%u][keyword]", i);
      g_autofree char *whole_key = g_strdup_printf ("keywords_attributes[%u][whole_word]", i);
      const char *keyword = fs_req_param (req, key);

      if (keyword != NULL)
        add_keyword (filter, keyword, fs_req_param (req, whole_key));
    }

  if (filter->title == NULL || filter->title[0] == '\0' || filter->context->len == 0)
    {
      fs_reply_error (req, 422, "Validation failed: Title can't be blank, Context can't be blank");
      return FALSE;
    }
  return TRUE;
}

static void
filters (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < me->filters->len; i++)
    json_array_add_element (array, fs_json_filter (req->server, g_ptr_array_index (me->filters, i)));
  fs_reply_json (req, 200, array_node (array));
}

static void
create_filter (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  FsFilter *filter = g_new0 (FsFilter, 1);

  filter->id = req->server->next_id++;
  filter->action = g_strdup ("warn");
  filter->context = g_ptr_array_new_with_free_func (g_free);
  filter->keywords = g_ptr_array_new_with_free_func ((GDestroyNotify) fs_field_free);
  filter->statuses = g_ptr_array_new ();
  g_ptr_array_add (me->filters, filter);
  if (!apply_filter_params (req, filter))
    {
      g_ptr_array_remove (me->filters, filter);
      return;
    }
  fs_reply_json (req, 200, fs_json_filter (req->server, filter));
}

static void
get_filter (FsRequest *req)
{
  FsFilter *filter = find_filter (req);

  if (filter != NULL)
    fs_reply_json (req, 200, fs_json_filter (req->server, filter));
}

static void
update_filter (FsRequest *req)
{
  FsFilter *filter = find_filter (req);

  if (filter != NULL && apply_filter_params (req, filter))
    fs_reply_json (req, 200, fs_json_filter (req->server, filter));
}

static void
delete_filter (FsRequest *req)
{
  FsFilter *filter = find_filter (req);

  if (filter == NULL)
    return;
  g_ptr_array_remove (fs_req_user (req)->filters, filter);
  fs_reply_text (req, 200, "application/json; charset=utf-8", "{}", 2);
}

static void
filter_status (FsRequest *req)
{
  FsFilter *filter = find_filter (req);
  FsStatus *status;

  if (filter == NULL)
    return;
  status = fs_server_status_by_id (req->server, fs_req_param (req, "status_id"));
  if (status == NULL)
    {
      fs_reply_error (req, 404, "Record not found");
      return;
    }
  g_ptr_array_add (filter->statuses, status);
  fs_reply_json (req, 200, fs_json_filter (req->server, filter));
}

static void
preferences (FsRequest *req)
{
  FsActor *me = fs_req_user (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "posting:default:visibility");
  json_builder_add_string_value (builder, me->privacy);
  json_builder_set_member_name (builder, "posting:default:sensitive");
  json_builder_add_boolean_value (builder, me->sensitive);
  json_builder_set_member_name (builder, "posting:default:language");
  json_builder_add_string_value (builder, me->language);
  json_builder_set_member_name (builder, "reading:expand:media");
  json_builder_add_string_value (builder, "default");
  json_builder_set_member_name (builder, "reading:expand:spoilers");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_end_object (builder);
  fs_reply_json (req, 200, json_builder_get_root (builder));
}

static void
endorsements (FsRequest *req)
{
  g_autoptr(GPtrArray) page = fs_page_rows (req, fs_req_user (req)->endorsements, fs_row_id, 40, 80);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();

  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (accounts, ((FsRow *) g_ptr_array_index (page, i))->target);
  fs_reply_json (req, 200, fs_json_accounts (req->server, accounts));
}

#define NOT_GTS (FS_MASTODONS | FS_F (FEDISIM_FLAVOUR_AKKOMA))

const FsRoute fs_collection_routes[] = {
  { "GET", "/api/v1/blocks", blocks, FS_ROUTE_USER, "follow read read:blocks" },
  { "GET", "/api/v1/mutes", mutes, FS_ROUTE_USER, "follow read read:mutes" },
  /* GoToSocial has no user domain blocks (api-facts §8). */
  { "GET", "/api/v1/domain_blocks", domain_blocks, FS_ROUTE_USER, "follow read read:blocks", NOT_GTS },
  { "POST", "/api/v1/domain_blocks", domain_block, FS_ROUTE_USER, "follow write write:blocks", NOT_GTS },
  { "DELETE", "/api/v1/domain_blocks", domain_unblock, FS_ROUTE_USER, "follow write write:blocks", NOT_GTS },
  { "GET", "/api/v1/lists", lists, FS_ROUTE_USER, "read read:lists" },
  { "POST", "/api/v1/lists", create_list, FS_ROUTE_USER, "write write:lists" },
  { "GET", "/api/v1/lists/:id", get_list, FS_ROUTE_USER, "read read:lists" },
  { "PUT", "/api/v1/lists/:id", update_list, FS_ROUTE_USER, "write write:lists" },
  { "DELETE", "/api/v1/lists/:id", delete_list, FS_ROUTE_USER, "write write:lists" },
  { "GET", "/api/v1/lists/:id/accounts", list_accounts, FS_ROUTE_USER, "read read:lists" },
  { "POST", "/api/v1/lists/:id/accounts", add_list_accounts, FS_ROUTE_USER, "write write:lists" },
  { "DELETE", "/api/v1/lists/:id/accounts", remove_list_accounts, FS_ROUTE_USER, "write write:lists" },
  { "GET", "/api/v1/bookmarks", bookmarks, FS_ROUTE_USER, "read read:bookmarks" },
  { "GET", "/api/v1/favourites", favourites, FS_ROUTE_USER, "read read:favourites" },
  { "GET", "/api/v1/statuses/:id", get_status, FS_ROUTE_PUBLIC, "read read:statuses" },
  { "GET", "/api/v1/statuses/:id/history", status_history, FS_ROUTE_PUBLIC, "read read:statuses" },
  { "GET", "/api/v1/statuses/:id/source", status_source, FS_ROUTE_USER, "read read:statuses" },
  { "POST", "/api/v1/statuses/:id/bookmark", bookmark, FS_ROUTE_USER, "write write:bookmarks" },
  { "POST", "/api/v1/statuses/:id/unbookmark", unbookmark, FS_ROUTE_USER, "write write:bookmarks" },
  { "POST", "/api/v1/statuses/:id/favourite", favourite, FS_ROUTE_USER, "write write:favourites" },
  { "POST", "/api/v1/statuses/:id/unfavourite", unfavourite, FS_ROUTE_USER, "write write:favourites" },
  { "GET", "/api/v1/followed_tags", followed_tags, FS_ROUTE_USER, "follow read read:follows" },
  { "POST", "/api/v1/tags/:name/follow", follow_tag, FS_ROUTE_USER, "follow write write:follows" },
  { "POST", "/api/v1/tags/:name/unfollow", unfollow_tag, FS_ROUTE_USER, "follow write write:follows" },
  { "GET", "/api/v1/featured_tags", featured_tags, FS_ROUTE_USER, "read read:accounts" },
  { "POST", "/api/v1/featured_tags", feature_tag, FS_ROUTE_USER, "write write:accounts" },
  { "DELETE", "/api/v1/featured_tags/:id", unfeature_tag, FS_ROUTE_USER, "write write:accounts" },
  { "GET", "/api/v2/filters", filters, FS_ROUTE_USER, "read read:filters" },
  { "POST", "/api/v2/filters", create_filter, FS_ROUTE_USER, "write write:filters" },
  { "GET", "/api/v2/filters/:id", get_filter, FS_ROUTE_USER, "read read:filters" },
  { "PUT", "/api/v2/filters/:id", update_filter, FS_ROUTE_USER, "write write:filters" },
  { "DELETE", "/api/v2/filters/:id", delete_filter, FS_ROUTE_USER, "write write:filters" },
  { "POST", "/api/v2/filters/:id/statuses", filter_status, FS_ROUTE_USER, "write write:filters" },
  { "GET", "/api/v1/preferences", preferences, FS_ROUTE_USER, "read read:accounts" },
  { "GET", "/api/v1/endorsements", endorsements, FS_ROUTE_USER, "read read:accounts" },
  { NULL }
};
