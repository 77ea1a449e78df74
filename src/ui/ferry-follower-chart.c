/* ferry-follower-chart.c: both accounts' followers over time
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lines over the samples FerryMove keeps: the old account's followers falling, the new
 * one's rising, with a mark where the move happened, a few dates under them and a legend
 * above. The new account's line is solid in the style's accent colour, the old one's dashed
 * in the dimmed foreground, so that they are told apart without colour; the numbers are in
 * the accessible description too.
 */

#define G_LOG_DOMAIN "ferry-follower-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-follower-chart.h"
#include "ferry-move.h"

#define MARGIN 12.0
#define AXIS_WIDTH 48.0
#define LEGEND_HEIGHT 24.0
#define DATES_HEIGHT 22.0
#define N_DATE_TICKS 4

struct _FerryFollowerChart
{
  GtkWidget  parent_instance;

  GArray    *samples;     /* FerryMoveSample, a copy */
  gint64     moved_at;
};

G_DEFINE_FINAL_TYPE (FerryFollowerChart, ferry_follower_chart, GTK_TYPE_WIDGET)

static const double old_dashes[] = { 6, 4 };

/* The old account dashed, the new one solid: told apart without colour. */
static void
set_line_style (cairo_t        *cr,
                gboolean        new_account,
                const GdkRGBA  *fg,
                const GdkRGBA  *accent)
{
  if (new_account)
    {
      cairo_set_line_width (cr, 3);
      cairo_set_dash (cr, NULL, 0, 0);
      gdk_cairo_set_source_rgba (cr, accent);
    }
  else
    {
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, old_dashes, G_N_ELEMENTS (old_dashes), 0);
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.6);
    }
}

static void
line (cairo_t         *cr,
      GArray          *samples,
      gboolean         new_account,
      double           x0,
      double           y0,
      double           width,
      double           height,
      gint64           t0,
      gint64           span,
      gint64           top)
{
  gboolean started = FALSE;

  for (guint i = 0; i < samples->len; i++)
    {
      FerryMoveSample *sample = &g_array_index (samples, FerryMoveSample, i);
      gint64 value = new_account ? sample->new_followers : sample->old_followers;
      double x, y;

      if (value < 0)
        continue;
      x = x0 + (span > 0 ? (double) (sample->time - t0) / (double) span * width : width / 2);
      y = y0 + height - (double) value / (double) top * height;
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_stroke (cr);
}

/* Dates under short spans would repeat: then the time of day. */
static char *
format_tick (gint64 time,
             gint64 span)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (time);
  g_autofree char *text = NULL;

  if (when == NULL)
    return g_strdup ("");
  /* Translators: a date under the chart, strftime() format: "24 Nov" */
  text = g_date_time_format (when, span < 2 * 86400 ? C_("chart", "%H:%M") : C_("chart", "%e %b"));
  return g_strdup (g_strstrip (text));
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       xalign)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - xalign * width, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* Above the plot, right-aligned: a sample of each line, then its name. */
static void
legend (cairo_t       *cr,
        PangoLayout   *layout,
        double         right,
        double         y,
        const GdkRGBA *fg,
        const GdkRGBA *accent)
{
  const char *names[] = { _("New account"), _("Old account") };
  double x = right;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int width, height;

      pango_layout_set_text (layout, names[i], -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      x -= width;
      cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.8);
      cairo_move_to (cr, x, y - height / 2.0);
      pango_cairo_show_layout (cr, layout);
      set_line_style (cr, i == 0, fg, accent);
      cairo_move_to (cr, x - 30, y);
      cairo_line_to (cr, x - 6, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      x -= 30 + 18;
    }
}

static void
ferry_follower_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  FerryFollowerChart *self = FERRY_FOLLOWER_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot_x = MARGIN + AXIS_WIDTH;
  double plot_y = MARGIN + LEGEND_HEIGHT;
  double plot_width = width - AXIS_WIDTH - 2 * MARGIN;
  double plot_height = height - 2 * MARGIN - LEGEND_HEIGHT - DATES_HEIGHT;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *top_text = NULL;
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 };
  gint64 t0 = G_MAXINT64, t1 = G_MININT64, top = 1;
  cairo_t *cr;

  if (self->samples == NULL || self->samples->len == 0 || plot_width <= 0 || plot_height <= 0)
    return;
  gtk_style_context_get_color (style, &fg);
  /* The accent as the style (and on newer platforms, the person) has it. */
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    gtk_style_context_lookup_color (style, "accent_bg_color", &accent);
  for (guint i = 0; i < self->samples->len; i++)
    {
      FerryMoveSample *sample = &g_array_index (self->samples, FerryMoveSample, i);

      t0 = MIN (t0, sample->time);
      t1 = MAX (t1, sample->time);
      top = MAX (top, MAX (sample->old_followers, sample->new_followers));
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = gtk_widget_create_pango_layout (widget, NULL);

  /* Axes, the top count and the move */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_move_to (cr, plot_x, plot_y);
  cairo_line_to (cr, plot_x, plot_y + plot_height);
  cairo_line_to (cr, plot_x + plot_width, plot_y + plot_height);
  cairo_stroke (cr);
  if (self->moved_at >= t0 && self->moved_at <= t1 && t1 > t0)
    {
      double x = plot_x + (double) (self->moved_at - t0) / (double) (t1 - t0) * plot_width;
      double dots[] = { 1, 3 };

      cairo_set_dash (cr, dots, 2, 0);
      cairo_move_to (cr, x, plot_y);
      cairo_line_to (cr, x, plot_y + plot_height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  top_text = g_strdup_printf ("%" G_GINT64_FORMAT, top);
  show_text (cr, layout, top_text, plot_x - 6, plot_y, 1);
  show_text (cr, layout, "0", plot_x - 6, plot_y + plot_height, 1);

  /* The date axis: a few midnights (or, within two days, times of day). */
  {
    gint64 span = t1 - t0;
    g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (t0);
    g_autoptr(GDateTime) tick = NULL;
    int step_days = (int) (span / 86400 / N_DATE_TICKS) + 1;
    g_autofree char *previous = NULL;

    if (span >= 2 * 86400 && first != NULL)
      tick = g_date_time_new_local (g_date_time_get_year (first), g_date_time_get_month (first),
                                    g_date_time_get_day_of_month (first), 0, 0, 0);
    for (guint i = 0; i < 2 * N_DATE_TICKS && span > 0; i++)
      {
        gint64 time;
        double x;
        g_autofree char *text = NULL;

        if (tick != NULL)
          {
            GDateTime *next = g_date_time_add_days (tick, i == 0 ? 1 : step_days);

            g_date_time_unref (tick);
            tick = next;
            time = g_date_time_to_unix (tick);
          }
        else if (i < N_DATE_TICKS)
          time = t0 + span * i / (N_DATE_TICKS - 1);
        else
          break;
        if (time > t1)
          break;
        x = plot_x + (double) (time - t0) / (double) span * plot_width;
        text = format_tick (time, span);
        /* Within a few minutes the times repeat: each once. */
        if (g_strcmp0 (text, previous) == 0)
          continue;
        g_free (previous);
        previous = g_strdup (text);
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
        cairo_move_to (cr, x, plot_y + plot_height);
        cairo_line_to (cr, x, plot_y + plot_height + 4);
        cairo_stroke (cr);
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
        show_text (cr, layout, text, x, plot_y + plot_height + DATES_HEIGHT / 2 + 4,
                   x - plot_x < 30 ? 0 : plot_x + plot_width - x < 30 ? 1 : 0.5);
      }
  }

  legend (cr, layout, width - MARGIN, MARGIN + LEGEND_HEIGHT / 2 - 4, &fg, &accent);
  set_line_style (cr, FALSE, &fg, &accent);
  line (cr, self->samples, FALSE, plot_x, plot_y, plot_width, plot_height, t0, t1 - t0, top);
  set_line_style (cr, TRUE, &fg, &accent);
  line (cr, self->samples, TRUE, plot_x, plot_y, plot_width, plot_height, t0, t1 - t0, top);
  if (self->moved_at >= t0 && self->moved_at <= t1 && t1 > t0)
    {
      double x = plot_x + (double) (self->moved_at - t0) / (double) (t1 - t0) * plot_width;
      GdkRGBA bg = { 1, 1, 1, 1 };
      int text_width, text_height;

      /* Translators: marks the moment of the move on the chart */
      pango_layout_set_text (layout, C_("chart", "Move"), -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (x + 4 + text_width > plot_x + plot_width)
        x -= text_width + 8;
      /* On the page's background, above the lines it may cross. */
      if (gtk_style_context_lookup_color (style, "window_bg_color", &bg))
        {
          gdk_cairo_set_source_rgba (cr, &bg);
          cairo_rectangle (cr, x + 2, plot_y + plot_height - text_height - 4, text_width + 4,
                           text_height);
          cairo_fill (cr);
        }
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, x + 4, plot_y + plot_height - text_height - 4);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_destroy (cr);
}

static void
ferry_follower_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 280 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 260;
}

static void
ferry_follower_chart_finalize (GObject *object)
{
  FerryFollowerChart *self = FERRY_FOLLOWER_CHART (object);

  g_clear_pointer (&self->samples, g_array_unref);

  G_OBJECT_CLASS (ferry_follower_chart_parent_class)->finalize (object);
}

static void
ferry_follower_chart_class_init (FerryFollowerChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ferry_follower_chart_finalize;
  widget_class->snapshot = ferry_follower_chart_snapshot;
  widget_class->measure = ferry_follower_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "followerchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ferry_follower_chart_init (FerryFollowerChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Followers of both accounts over time"), -1);
}

GtkWidget *
ferry_follower_chart_new (void)
{
  return g_object_new (FERRY_TYPE_FOLLOWER_CHART, NULL);
}

/**
 * ferry_follower_chart_set_samples:
 * @samples: (element-type FerryMoveSample): copied
 * @moved_at: when the move happened, or 0
 */
void
ferry_follower_chart_set_samples (FerryFollowerChart *self,
                                  GArray             *samples,
                                  gint64              moved_at)
{
  g_autofree char *description = NULL;

  g_return_if_fail (FERRY_IS_FOLLOWER_CHART (self));

  g_clear_pointer (&self->samples, g_array_unref);
  self->samples = g_array_copy (samples);
  self->moved_at = moved_at;
  if (samples->len > 0)
    {
      FerryMoveSample *first = &g_array_index (samples, FerryMoveSample, 0);
      FerryMoveSample *last = &g_array_index (samples, FerryMoveSample, samples->len - 1);
      g_autofree char *from = format_tick (first->time, G_MAXINT64);
      g_autofree char *to = format_tick (last->time, G_MAXINT64);

      /* Translators: the chart in words: two dates, then four counts of followers */
      description = g_strdup_printf (_("From %s to %s, the old account went from %d to %d "
                                       "followers and the new account from %d to %d."),
                                     from, to, (int) first->old_followers,
                                     (int) last->old_followers, (int) first->new_followers,
                                     (int) last->new_followers);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
