/* ferry-community-guide.c: the member guide, as a page, as print markup, as text
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One guide, three renderings: the sections are built once (titles and steps, the
 * community's servers and deadline filled in) and written as HTML, Pango markup or text. The
 * manual move names Mastodon's own web labels (Preferences, Account, "Move to a different
 * account", "Moving from a different account"; the import page's "Following list" and
 * "Merge"), as Mastodon 4.x shows them in English (config/locales/en.yml).
 */

#define G_LOG_DOMAIN "ferry-community-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-community-guide.h"
#include "ferry-community-text.h"
#include "ferry-private-file.h"

typedef struct
{
  char      *title;
  GPtrArray *steps;   /* char* */
} Section;

static void
section_free (Section *section)
{
  g_free (section->title);
  g_ptr_array_unref (section->steps);
  g_free (section);
}

static Section *
add_section (GPtrArray  *sections,
             const char *title)
{
  Section *section = g_new0 (Section, 1);

  section->title = g_strdup (title);
  section->steps = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sections, section);
  return section;
}

static void
add_step (Section    *section,
          char       *step)
{
  g_ptr_array_add (section->steps, step);
}

static GPtrArray *
build (FerryCommunity *community,
       char          **title,
       char          **intro)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  const char *old_host = ferry_community_get_old_host (community);
  const char *new_host = ferry_community_get_new_host (community);
  g_autofree char *deadline =
    ferry_community_text_format_deadline (ferry_community_get_deadline (community));
  Section *section;

  /* Translators: the guide's title; %s is the community's name */
  *title = g_strdup_printf (_("%s is moving: your guide"), ferry_community_get_name (community));
  /* Translators: the old server, the new server, the deadline */
  *intro = g_strdup_printf (_("We move from %s to %s. Please move your account by %s. It takes "
                              "about a quarter of an hour; your followers come along."),
                            old_host, new_host, deadline);

  section = add_section (sections, _("1. Back up first"));
  add_step (section,
            /* Translators: the old server */
            g_strdup_printf (_("On %s, open Preferences, then Import and export, then Data "
                               "export, and choose “Request your archive”: your posts and "
                               "media do not move, this keeps them."),
                             old_host));
  add_step (section,
            g_strdup (_("On the same page, download the CSV files of Follows, Lists, You "
                        "block and You mute.")));

  section = add_section (sections, _("2. Make your new account"));
  add_step (section,
            /* Translators: the new server's sign-up page */
            g_strdup_printf (_("Sign up at https://%s/auth/sign_up, with the same name if you "
                               "can."),
                             new_host));

  section = add_section (sections, _("3. Move with Ferry"));
  add_step (section,
            g_strdup (_("In Ferry, choose Move my account, sign in to both accounts, and "
                        "follow the steps: Ferry sets the alias, brings your follows, lists, "
                        "blocks and mutes, and moves your followers.")));

  section = add_section (sections, _("Or move by hand on Mastodon’s pages"));
  add_step (section,
            /* Translators: the new server; the quoted labels are Mastodon's own */
            g_strdup_printf (_("On your new account (%s): Preferences, Account, “Moving from a "
                               "different account”, “Create an account alias”; enter your old "
                               "address and save."),
                             new_host));
  add_step (section,
            /* Translators: the old server; the quoted labels are Mastodon's own */
            g_strdup_printf (_("On your old account (%s): Preferences, Account, “Move to a "
                               "different account”; enter your new address and your current "
                               "password, then “Move followers”."),
                             old_host));
  add_step (section,
            /* Translators: the new server; the quoted labels are Mastodon's own */
            g_strdup_printf (_("On %s: Preferences, Import and export, Import; choose "
                               "“Following list” and “Merge”, upload your Follows file. Do the "
                               "same for Lists, Blocking list and Muting list."),
                             new_host));

  section = add_section (sections, _("What moves and what does not"));
  add_step (section, g_strdup (_("Your followers move by themselves, over hours.")));
  add_step (section,
            g_strdup (_("Follows, lists, blocks and mutes move with the files you import.")));
  add_step (section,
            g_strdup (_("Posts, media, bookmarks and favourites stay behind: keep your "
                        "archive.")));
  add_step (section,
            g_strdup (_("After a move the old account cannot move again for 30 days.")));
  return sections;
}

static char *
render (FerryCommunity *community,
        gboolean        html,
        gboolean        markup)
{
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autoptr(GPtrArray) sections = build (community, &title, &intro);
  GString *out = g_string_new (NULL);
  gboolean escape = html || markup;
  g_autofree char *t = escape ? g_markup_escape_text (title, -1) : g_strdup (title);
  g_autofree char *i = escape ? g_markup_escape_text (intro, -1) : g_strdup (intro);

  if (html)
    g_string_append_printf (out,
                            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                            "<title>%s</title>"
                            "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;"
                            "line-height:1.5}</style></head>\n<body>\n<h1>%s</h1>\n<p>%s</p>\n",
                            t, t, i);
  else if (markup)
    g_string_append_printf (out, "<span size=\"x-large\" weight=\"bold\">%s</span>\n\n%s\n", t,
                            i);
  else
    g_string_append_printf (out, "%s\n\n%s\n", t, i);

  for (guint s = 0; s < sections->len; s++)
    {
      Section *section = g_ptr_array_index (sections, s);
      g_autofree char *heading = escape ? g_markup_escape_text (section->title, -1)
                                        : g_strdup (section->title);

      if (html)
        g_string_append_printf (out, "<h2>%s</h2>\n<ul>\n", heading);
      else if (markup)
        g_string_append_printf (out, "\n<b>%s</b>\n", heading);
      else
        g_string_append_printf (out, "\n%s\n", heading);
      for (guint k = 0; k < section->steps->len; k++)
        {
          const char *step = g_ptr_array_index (section->steps, k);
          g_autofree char *e = escape ? g_markup_escape_text (step, -1) : g_strdup (step);

          if (html)
            g_string_append_printf (out, "<li>%s</li>\n", e);
          else
            g_string_append_printf (out, "• %s\n", e);
        }
      if (html)
        g_string_append (out, "</ul>\n");
    }
  if (html)
    g_string_append (out, "</body></html>\n");
  return g_string_free (out, FALSE);
}

char *
ferry_community_guide_html (FerryCommunity *community)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  return render (community, TRUE, FALSE);
}

char *
ferry_community_guide_markup (FerryCommunity *community)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  return render (community, FALSE, TRUE);
}

char *
ferry_community_guide_text (FerryCommunity *community)
{
  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), NULL);

  return render (community, FALSE, FALSE);
}

gboolean
ferry_community_guide_save_html (FerryCommunity *community,
                                 const char     *path,
                                 GError        **error)
{
  g_autofree char *html = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (FERRY_IS_COMMUNITY (community), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (!ferry_private_dir_make (dir, error))
    return FALSE;
  html = ferry_community_guide_html (community);
  return ferry_private_file_write (path, html, -1, error);
}
